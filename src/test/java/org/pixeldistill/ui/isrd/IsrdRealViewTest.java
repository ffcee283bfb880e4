package org.pixeldistill.ui.isrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.inspect.TinyDistillation;
import org.pixeldistill.ui.common.FxUiThread;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel on a real inspection: posted from a training-like thread, every image row drawn. */
@ExtendWith(ApplicationExtension.class)
class IsrdRealViewTest {
    private static TinyDistillation run;
    private IsrdViewModel vm;
    private IsrdView view;

    @BeforeAll
    static void train() {
        run = new TinyDistillation("resnet18", "kd: {}\n  isrd: {eta: 10}", 3);
    }

    @AfterAll
    static void close() {
        run.close();
    }

    @Start
    void start(Stage stage) {
        vm = new IsrdViewModel(new FxUiThread(), 6, null);
        view = new IsrdView(vm);
        stage.setScene(new Scene((Parent) view.node(), 1000, 800));
        stage.show();
    }

    @Test
    void anEpochOfARealDistillationFillsEveryRow(FxRobot robot, @TempDir Path dir) throws Exception {
        vm.listener().onEpochModels(run.models(0)); // this test thread plays the training thread
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 6; i++) {
            for (String id : new String[] {"isrdLarge-", "isrdSmall-", "isrdReconstruction-", "isrdTeacherMap-",
                    "isrdStudentMap-"}) {
                assertEquals(112, robot.lookup("#" + id + i).queryAs(ImageView.class).getImage().getWidth(), id + i);
            }
        }
        assertTrue(robot.lookup("#isrdStatus").queryAs(Label.class).getText().contains("6 images inspected"));
        Path png = dir.resolve("panel.png");
        robot.interact(() -> view.exportPng(png));
        assertTrue(Files.size(png) > 1000);
        String keep = System.getProperty("isrd.keepPng");
        if (keep != null) {
            Files.copy(png, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
