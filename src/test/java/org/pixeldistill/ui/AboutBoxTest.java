package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > About names the version, engine, libtorch build, device, the runs and data folders and the data's licence. */
@ExtendWith(ApplicationExtension.class)
class AboutBoxTest {
    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();
    private WorkbenchModels models;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        models = WorkbenchModels.create(runs, Tiny.DEMO, prefs.preferences(), TaskRunner.BACKGROUND, new FxUiThread());
        view = new WorkbenchView(models);
        stage.setScene(new Scene(view.node(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        models.training().shutdown(Duration.ofSeconds(30));
        prefs.close();
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class).getText();
    }

    @Test
    void helpAboutShowsWhereThingsAreAndWhatRunsThem(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("About");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#about-facts").tryQuery().isPresent());
        assertEquals("dev", field(robot, "about-version"), "run from classes, no manifest version");
        assertTrue(field(robot, "about-engine").startsWith("PyTorch 2.3.1"), field(robot, "about-engine"));
        assertEquals("cpu", field(robot, "about-libtorch"));
        assertTrue(field(robot, "about-device-auto").startsWith("cpu()"), field(robot, "about-device-auto"));
        assertEquals(runs.toAbsolutePath().toString(), field(robot, "about-runs-folder"));
        assertEquals(Tiny.DEMO.toAbsolutePath().toString(), field(robot, "about-demo-data"));
        assertTrue(field(robot, "about-data-licence").contains("MIT"), field(robot, "about-data-licence"));
        assertTrue(field(robot, "about-data-licence").contains("Zalando"), field(robot, "about-data-licence"));
    }

    @Test
    void theRunsMenuNamesTheRunsFolder(FxRobot robot) {
        MenuItem where = view.menus().node().getMenus().get(0).getItems().get(0);
        assertEquals("Runs go to " + runs.toAbsolutePath(), where.getText());
    }

    @Test
    void theRuleThatChoseTheRunsFolderIsShownInTheMenuAndTheAboutBox(FxRobot robot) throws Exception {
        robot.interact(() -> view.menus().showRunsReason("given on the command line"));
        MenuItem where = view.menus().node().getMenus().get(0).getItems().get(0);
        assertEquals("Runs go to " + runs.toAbsolutePath() + " (given on the command line)", where.getText());
        robot.clickOn("Help");
        robot.clickOn("About");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#about-facts").tryQuery().isPresent());
        assertEquals(runs.toAbsolutePath().toString(), field(robot, "about-runs-folder"));
        assertEquals("given on the command line", field(robot, "about-why-this-runs-folder"));
    }
}
