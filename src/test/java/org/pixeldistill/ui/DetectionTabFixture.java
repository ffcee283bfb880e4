package org.pixeldistill.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.pixeldistill.core.detect.TinyDetectorRuns;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The whole workbench on the tiny detector run (56-pixel scenes, a 14-pixel student), and how tests look at its Detection tab. */
final class DetectionTabFixture {
    static final String TEACHER = "#detection-teacher-canvas";
    static final String STUDENT = "#detection-student-canvas";

    private DetectionTabFixture() {}

    /** The models over the tiny run's folder; train it first ({@link TinyDetectorRuns#student()}) outside the FX thread. */
    static WorkbenchModels models(TestPrefs prefs) {
        // no engine for the cost readout: the layout does not need its figures
        TaskRunner noCosts = (name, work) -> {
            if (!name.equals("cost readout")) {
                TaskRunner.BACKGROUND.start(name, work);
            }
        };
        return WorkbenchModels.create(TinyDetectorRuns.runsRoot(), Tiny.DEMO, prefs.preferences(), noCosts,
                new FxUiThread());
    }

    /** The whole workbench on the tiny run, shown at {@code width} x {@code height}. */
    static WorkbenchView show(Stage stage, TestPrefs prefs, double width, double height) {
        WorkbenchView view = new WorkbenchView(models(prefs), prefs.preferences().node());
        stage.setScene(new Scene(view.node(), width, height));
        stage.show();
        return view;
    }

    /** Stops what {@link #show} started. */
    static void close(WorkbenchView view, TestPrefs prefs) {
        view.models().detection().close();
        view.models().training().shutdown(Duration.ofSeconds(10));
        prefs.close();
    }

    /** Brings the Detection tab up, picks the student run at threshold 0 (every box drawn) and waits for its pictures. */
    static void openTheStudentRun(FxRobot robot, WorkbenchView view) {
        WorkbenchModels models = view.models();
        robot.interact(() -> view.selectPanel("Detection"));
        Path student = TinyDetectorRuns.student().dir();
        @SuppressWarnings("unchecked")
        ComboBox<Path> runs = robot.lookup("#detection-run").queryAs(ComboBox.class);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.getItems().contains(student));
            robot.interact(() -> runs.getSelectionModel().select(student));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models.detection().shownProperty().get() != null);
            robot.interact(() -> models.detection().thresholdProperty().set(0));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !models.detection().busyProperty().get());
        } catch (TimeoutException e) {
            throw new AssertionError("the run did not open: " + models.detection().statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The width of a picture's image, in screen pixels. */
    static int side(FxRobot robot, String pane) {
        ImageView image = (ImageView) robot.lookup(pane).queryAs(Pane.class).getChildren().get(0);
        return (int) image.getImage().getWidth();
    }

    /** The font size of the first box label on a picture. */
    static double labelFontSize(FxRobot robot, String pane) {
        return robot.lookup(pane).queryAs(Pane.class).getChildren().stream()
                .filter(n -> n.getStyleClass().contains("detection-label")).map(n -> ((Label) n).getFont().getSize())
                .findFirst().orElseThrow(() -> new AssertionError("no box label on " + pane));
    }

    static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }
}
