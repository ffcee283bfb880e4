package org.pixeldistill.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's pictures at 1366x768 (not part of the suite: minutes of training). Run with
 * {@code mvn -o test -Dtest=ReadmeScreenshots -Dscreenshots=$PWD/docs}: the classroom demo as the
 * button sets it (ISRD + KD, then the baseline) for docs/workbench.png and docs/pareto.png.
 * (docs/detection.png shows the demo detector, which trains for a quarter of an hour first: see
 * {@link ReadmeDetectionScreenshot}.)
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots", matches = ".+")
class ReadmeScreenshots {
    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();
    private WorkbenchModels models;
    private WorkbenchView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        models = WorkbenchModels.create(runs, Tiny.DEMO, prefs.preferences(), TaskRunner.BACKGROUND, new FxUiThread());
        view = new WorkbenchView(models, prefs.preferences().node());
        view.trainingView().setDialogs(false);
        scene = new Scene(view.node(), WorkbenchLayoutFxTest.WIDTH, WorkbenchLayoutFxTest.HEIGHT);
        stage.setScene(scene);
        stage.setTitle(Workbench.TITLE);
        stage.show();
    }

    @AfterEach
    void close() {
        models.training().shutdown(Duration.ofSeconds(30));
        prefs.close();
    }

    @Test
    void workbench(FxRobot robot) throws Exception {
        Path docs = Path.of(System.getProperty("screenshots"));
        robot.clickOn("#classroom-demo");
        train(robot);
        Path distilled = models.training().lastFinishedRunProperty().get();
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        robot.interact(() -> view.selectPanel("Training"));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, docs.resolve("workbench.png"));
        // the baseline beside it, as the README's walk-through does, so the Pareto chart compares them
        robot.interact(() -> models.setup().methodProperty().set(org.pixeldistill.ui.setup.Method.BASELINE));
        train(robot);
        if (distilled.equals(models.training().lastFinishedRunProperty().get())) {
            throw new AssertionError("the baseline did not finish");
        }
        robot.interact(() -> view.selectPanel("Pareto"));
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        save(robot, docs.resolve("pareto.png"));
    }

    private void train(FxRobot robot) throws Exception {
        Path before = models.training().lastFinishedRunProperty().get();
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(40, TimeUnit.MINUTES, () -> {
            Path now = models.training().lastFinishedRunProperty().get();
            return (now != null && !now.equals(before)) || models.training().failureProperty().get() != null;
        });
        if (models.training().failureProperty().get() != null) {
            throw new AssertionError(models.training().failureProperty().get().message());
        }
    }

    private void save(FxRobot robot, Path file) throws Exception {
        save(robot, scene, file);
    }

    /** The scene as it is now, as a PNG (also for {@link ReadmeDetectionScreenshot}). */
    static void save(FxRobot robot, Scene scene, Path file) throws Exception {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(scene.snapshot(null)));
        BufferedImage image = SwingFXUtils.fromFXImage(shot.get(), null);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
