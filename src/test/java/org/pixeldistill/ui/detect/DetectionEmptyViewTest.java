package org.pixeldistill.ui.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no detector run yet, the tab offers to train the demo detector, and the button starts it. */
@ExtendWith(ApplicationExtension.class)
class DetectionEmptyViewTest {
    @TempDir
    static Path dir;
    private final List<Path> started = new ArrayList<>();
    private DetectionViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new DetectionViewModel(dir.resolve("no-runs"), TaskRunner.BACKGROUND, new FxUiThread(), null, 0f);
        DetectionView view = new DetectionView(vm);
        view.setTrainConfig(started::add);
        stage.setScene(new Scene((Parent) view.node(), 900, 600));
        stage.show();
    }

    @Test
    void theDemoButtonIsOfferedAndTrainsTheDemoConfig(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("No detector run"));
        Button demo = robot.lookup("#detection-train-demo").queryAs(Button.class);
        assertTrue(demo.isVisible(), "nothing to show: the demo is offered");
        robot.clickOn(demo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(DetectionViewModel.DEMO_CONFIG), started);
    }
}
