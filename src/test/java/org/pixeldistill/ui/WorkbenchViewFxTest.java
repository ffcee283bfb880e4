package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.setup.Method;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window driven by a robot: the cost readout, a real tiny run into the loss chart, a bad data folder. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewFxTest {
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
        stage.setTitle(Workbench.TITLE);
        stage.show();
    }

    @AfterEach
    void stopRuns() {
        models.training().shutdown(Duration.ofSeconds(30));
        prefs.close();
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void choosingAStudentAndDraggingTheSliderChangeTheCostReadout(FxRobot robot) throws Exception {
        Label cost = robot.lookup("#cost-readout").queryAs(Label.class);
        waitUntil(60, () -> cost.getText().startsWith("7x7 = 49 pixels"));
        String resnet = cost.getText();

        robot.clickOn("#student-backbone");
        robot.clickOn("mobilenet_v2");
        waitUntil(60, () -> !cost.getText().equals(resnet) && cost.getText().startsWith("7x7"));
        assertEquals("mobilenet_v2", models.setup().studentBackboneProperty().get());
        assertEquals("mobilenet_v2", models.setup().costReportProperty().get().backbone());

        Slider slider = robot.lookup("#resolution-slider").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(slider.getWidth() / 2, 0).drop();
        Label resolution = robot.lookup("#resolution-label").queryAs(Label.class);
        waitUntil(60, () -> cost.getText().startsWith("14x14 = 196 pixels"));
        assertEquals("14x14 (r = 2)", resolution.getText());
        assertEquals(1.0, slider.getValue(), "the thumb snaps to the tick");
    }

    @Test
    void startOnATinySetupFillsTheLossChartAndNeverFreezesTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> models.setup().apply(Tiny.choices(Method.BASELINE, 2)));
        PulseGaps gaps = new PulseGaps();
        robot.interact(gaps::start);
        robot.clickOn("#train-start");
        waitUntil(180, () -> models.training().lastFinishedRunProperty().get() != null
                || models.training().failureProperty().get() != null);
        robot.interact(gaps::stop);

        assertEquals(null, models.training().failureProperty().get());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#loss-chart").queryAs(LineChart.class);
assertFalse(chart.getData().isEmpty());
        assertTrue(chart.getData().stream().anyMatch(s -> s.getName().equals("model total") && s.getData().size() == 2));
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("finished: "), status.getText());
        double loadPerCore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                / Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "FX thread during a tiny run: longest gap between pulses %.0f ms, most"
                + " work between two pulses %.0f ms, %d pulses, load %.1f per core; gaps over 100 ms: %s%n",
                gaps.maxGapMillis(), gaps.maxBusyMillis(), gaps.pulses(), loadPerCore, gaps.longGaps());
        assertTrue(gaps.pulses() > 10, "pulses were recorded");
        assertTrue(gaps.maxBusyMillis() < 250, "the FX thread itself worked " + gaps.maxBusyMillis() + " ms between"
                + " two pulses: " + gaps.longGaps());
        // The wall-clock gap also holds what the OS scheduler does: on a machine that other processes load
        // beyond three runnable threads per core, the JVM waits for a core (its GC pauses too), not for us.
        if (loadPerCore < 3) {
            assertTrue(gaps.maxGapMillis() < 500, "the FX thread paused " + gaps.maxGapMillis() + " ms: "
                    + gaps.longGaps());
        }
    }

    @Test
    void clickingStopLeavesTheRunResumableAndResumeFinishesIt(FxRobot robot) throws Exception {
        // enough epochs (a few seconds each) that the run is still going when Stop is clicked
        robot.interact(() -> models.setup().apply(Tiny.choices(Method.BASELINE, 6)));
        robot.clickOn("#train-start");
        // stop once the first epoch is on disk, so there is something to resume from
        waitUntil(120, () -> {
            Path run = models.training().currentRunProperty().get();
            return run != null && Files.exists(run.resolve("metrics.csv"))
                    && !new MetricsCsv(run.resolve("metrics.csv")).rows().isEmpty();
        });
        Path run = models.training().currentRunProperty().get();
        robot.clickOn("#train-stop");
        waitUntil(120, () -> models.training().resumableRunProperty().get() != null);
        assertEquals(run, models.training().resumableRunProperty().get());
        assertEquals("cancelled", RunFolder.open(run).readSummary().orElseThrow().status());
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("stopped;"), status.getText());

        robot.clickOn("#train-resume");
        waitUntil(180, () -> run.equals(models.training().lastFinishedRunProperty().get())
                || models.training().failureProperty().get() != null);
        assertEquals(null, models.training().failureProperty().get());
        assertEquals("finished", RunFolder.open(run).readSummary().orElseThrow().status());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), new MetricsCsv(run.resolve("metrics.csv")).rows()
                .stream().map(MetricsRow::epoch).toList(), "each epoch once, none lost or redone twice");
    }

    @Test
    void trainConfigRunsADetectorFileThatTheDetectionTabThenLists(FxRobot robot) throws Exception {
        Path yaml = TinyDetectorConfig.write(runs, "");
        robot.interact(() -> view.trainingView().setConfigChooser(startIn -> yaml));
        robot.clickOn("#train-config");
        waitUntil(240, () -> models.training().lastFinishedRunProperty().get() != null
                || models.training().failureProperty().get() != null);
        assertEquals(null, models.training().failureProperty().get());
        Path finished = models.training().lastFinishedRunProperty().get();
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(status.getText().contains("best test mAP50"), status.getText());
        waitUntil(60, () -> models.detection().runs().stream().anyMatch(c -> c.dir().equals(finished)));
        // the score chart names what a detector scores
        LineChart<?, ?> scores = robot.lookup("#accuracy-chart").queryAs(LineChart.class);
        waitUntil(30, () -> "test mAP50 (%)".equals(scores.getYAxis().getLabel()));
    }

    @Test
    void anIsrdRunFillsTheIsrdViewAndEndsAsAPointOnTheParetoChart(FxRobot robot) throws Exception {
        robot.interact(() -> models.setup().apply(Tiny.choices(Method.ISRD, 1)));
        robot.clickOn("#train-start");
        waitUntil(240, () -> models.training().lastFinishedRunProperty().get() != null
                || models.training().failureProperty().get() != null);
        assertEquals(null, models.training().failureProperty().get());
        // the ISRD view shows the fixed test images, the student's reconstruction among them
        waitUntil(30, () -> robot.lookup("#isrdLarge-0").tryQuery().isPresent());
        assertTrue(robot.lookup("#isrdSmall-0").tryQuery().isPresent());
        assertTrue(robot.lookup("#isrdReconstruction-0").tryQuery().isPresent());
        // the finished run (and its cached teacher) appear in the runs table and on the Pareto chart
        Path finished = models.training().lastFinishedRunProperty().get();
        waitUntil(120, () -> models.pareto().points().stream().anyMatch(
                p -> p.entry().folder().getFileName().equals(finished.getFileName())));
        robot.clickOn("#panel-runs");
        waitUntil(30, () -> robot.lookup("#runsTable").tryQuery().isPresent());
    }

    @Test
    void aBadDataFolderShowsOneLineAndTheWindowStillResponds(FxRobot robot) throws Exception {
        Path bad = runs.resolve("not-a-data-set");
        Files.createDirectories(bad);
        robot.interact(() -> models.setup().chooseFolder(bad, "fashion-mnist"));
        Label dataError = robot.lookup("#data-error").queryAs(Label.class);
        waitUntil(60, () -> dataError.getText().startsWith("data file missing: "));

        robot.clickOn("#train-start");
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        waitUntil(60, () -> status.getText().startsWith("error: data file missing: "));
        assertFalse(status.getText().contains("\n"));
        waitUntil(10, () -> robot.lookup("#training-error").tryQuery().isPresent());
        robot.clickOn("OK");

        // Still responsive: the preset switches back to the demo data and clears the error.
        robot.clickOn("#classroom-demo");
        waitUntil(60, () -> dataError.getText().isEmpty());
        assertTrue(robot.lookup("#data-demo").queryAs(RadioButton.class).isSelected());
        assertNotEquals(Boolean.TRUE, models.training().runningProperty().get());
    }
}
