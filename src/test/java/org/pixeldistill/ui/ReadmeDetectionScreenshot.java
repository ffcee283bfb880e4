package org.pixeldistill.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's docs/detection.png at 1366x768 from a trained demo detector (not part of the
 * suite: the detector trains for a quarter of an hour first). Train it, then point this at its run:
 * <pre>
 * java -jar target/pixel-distillation-workbench.jar train --config demo-scenes-afp-tas --runs /tmp/det
 * mvn -o test -Dtest=ReadmeDetectionScreenshot -Dscreenshots=$PWD/docs -DdetectionRun=/tmp/det/demo-scenes-afp-tas-HASH
 * </pre>
 * The run's runs folder is its parent; the tab opens it at the default score threshold.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "detectionRun", matches = ".+")
class ReadmeDetectionScreenshot {
    private final TestPrefs prefs = new TestPrefs();
    private final Path run = Path.of(System.getProperty("detectionRun", ".")).toAbsolutePath();
    private WorkbenchModels models;
    private WorkbenchView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        models = WorkbenchModels.create(run.getParent(), Tiny.DEMO, prefs.preferences(), TaskRunner.BACKGROUND,
                new FxUiThread());
        view = new WorkbenchView(models, prefs.preferences().node());
        scene = new Scene(view.node(), WorkbenchLayoutFxTest.WIDTH, WorkbenchLayoutFxTest.HEIGHT);
        stage.setScene(scene);
        stage.setTitle(Workbench.TITLE);
        stage.show();
    }

    @AfterEach
    void close() {
        models.detection().close();
        models.training().shutdown(Duration.ofSeconds(10));
        prefs.close();
    }

    @Test
    void detectionTab(FxRobot robot) throws Exception {
        robot.interact(() -> view.selectPanel("Detection"));
        @SuppressWarnings("unchecked")
        ComboBox<Path> runs = robot.lookup("#detection-run").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.getItems().contains(run));
        robot.interact(() -> runs.getSelectionModel().select(run));
        WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES, () -> models.detection().shownProperty().get() != null
                && !models.detection().busyProperty().get());
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        ReadmeScreenshots.save(robot, scene, Path.of(System.getProperty("screenshots")).resolve("detection.png"));
    }
}
