package org.pixeldistill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.pareto.ParetoPoint;
import org.pixeldistill.ui.setup.Method;
import org.pixeldistill.ui.training.SweepCellState;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Sweep sizes" driven by a robot on a tiny setup (300 images, width 0.125, 1-2 epochs): every
 * size of the slider becomes a point on the Pareto chart and the what-if follows the slider; a
 * stopped sweep resumes without training its finished cells again; a field the core's checks
 * refuse holds Start and the sweep back.
 */
@ExtendWith(ApplicationExtension.class)
class SweepSizesFxTest {
    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();
    private WorkbenchModels models;
    private WorkbenchView view;

    /** The first window of a JVM loads the engine and every view: on a loaded 2-core machine that took over 30 s. */
    @BeforeAll
    static void patientSetup() {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @Start
    void start(Stage stage) {
        models = WorkbenchModels.create(runs, Tiny.DEMO, prefs.preferences(), TaskRunner.BACKGROUND, new FxUiThread());
        view = new WorkbenchView(models);
        view.trainingView().setDialogs(false);
        stage.setScene(new Scene(view.node(), 1200, 900));
        stage.show();
    }

    @AfterEach
    void stopRuns() throws Exception {
        models.training().shutdown(Duration.ofSeconds(30));
        // the refreshes a finished cell started read the preferences: let them land before the node goes
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        prefs.close();
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tiny(FxRobot robot, Method method, int epochs, List<Method> swept) {
        robot.interact(() -> {
            models.setup().apply(Tiny.choices(method, epochs));
            models.setup().sweepMethods().setAll(swept);
        });
    }

    /** The section is at the foot of the setup panel: scrolled into view first, as a user would. */
    private static void pressSweepSizes(FxRobot robot) {
        robot.interact(() -> robot.lookup("#setup-panel").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#sweep-sizes");
    }

    private boolean sweepEnded() {
        return !models.training().runningProperty().get()
                && (models.training().statusProperty().get().startsWith("finished: sweep-")
                        || models.training().failureProperty().get() != null);
    }

    @Test
    void sweepSizesPutsEverySizeOnTheParetoChartAndTheWhatIfFollowsTheSlider(FxRobot robot) throws Exception {
        tiny(robot, Method.ISRD, 1, List.of(Method.ISRD));
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> models.training().progressTextProperty().addListener((o, was, is) -> lines.add(is)));
        pressSweepSizes(robot);
        waitUntil(400, this::sweepEnded);
        assertNull(models.training().failureProperty().get(), models.training().statusProperty().get());
        assertTrue(models.training().statusProperty().get().endsWith(": 3 of 3 cells finished"),
                models.training().statusProperty().get());

        // one progress line: the cell, the stage's own line, and the time left over the cells still to train
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cell 1/3 7x7 isrd · ") && l.contains(" · sweep: about ")
                && l.endsWith(" left (3 cells)")), lines.toString());
        @SuppressWarnings("unchecked")
        ListView<SweepCellState> cells = robot.lookup("#sweep-cells").queryAs(ListView.class);
        assertEquals(List.of(7, 14, 28), cells.getItems().stream().map(SweepCellState::size).toList());
        assertTrue(cells.getItems().stream().allMatch(SweepCellState::finished), cells.getItems().toString());

        // one point per size of the slider, all from the sweep's cells, and one teacher for all of them
        waitUntil(120, () -> sizesOnChart("isrd").equals(Set.of(7, 14, 28)));
        assertEquals(1, countRunFolders(runs.resolve("teachers")), "the cells share one teacher");

        robot.interact(() -> models.pareto().whatIfMethodProperty().set("isrd"));
        robot.interact(() -> models.setup().resolutionIndexProperty().set(1)); // 14x14
        waitUntil(120, () -> models.pareto().whatIfProperty().get() != null
                && models.pareto().whatIfProperty().get().spec().inputSize() == 14
                && models.pareto().whatIfProperty().get().drawable());
        robot.interact(() -> models.setup().resolutionIndexProperty().set(0)); // 7x7
        waitUntil(120, () -> models.pareto().whatIfProperty().get() != null
                && models.pareto().whatIfProperty().get().spec().inputSize() == 7
                && models.pareto().whatIfProperty().get().drawable());
        assertTrue(models.pareto().whatIfLabelProperty().get().startsWith("predicted "),
                models.pareto().whatIfLabelProperty().get());
    }

    @Test
    void aStoppedSweepResumesWithoutTrainingItsFinishedCellsAgain(FxRobot robot) throws Exception {
        // the baseline alone: no teacher to wait for, and two epochs so that Stop lands inside a cell
        tiny(robot, Method.BASELINE, 2, List.of(Method.BASELINE));
        pressSweepSizes(robot);
        @SuppressWarnings("unchecked")
        ListView<SweepCellState> cells = robot.lookup("#sweep-cells").queryAs(ListView.class);
        waitUntil(240, () -> cells.getItems().stream().anyMatch(SweepCellState::finished) || sweepEnded());
        robot.clickOn("#train-stop");
        waitUntil(120, () -> !models.training().runningProperty().get());
        assertNull(models.training().failureProperty().get(), models.training().statusProperty().get());

        Path cellsDir = runs.resolve("sweeps");
        Map<Path, FileTime> finishedBefore = new HashMap<>();
        for (Path dir : runFolders(cellsDir)) {
            var summary = RunFolder.open(dir).readSummary();
            if (summary.isPresent() && "finished".equals(summary.get().status())) {
                finishedBefore.put(dir, Files.getLastModifiedTime(dir.resolve("metrics.csv")));
            }
        }
        assertFalse(finishedBefore.isEmpty(), "a cell finished before Stop");
        boolean stoppedMidway = finishedBefore.size() < 3;
        if (stoppedMidway) {
            assertFalse(robot.lookup("#train-resume").queryAs(Button.class).isDisabled(), "Resume is offered");
            assertTrue(models.training().statusProperty().get().endsWith("Resume continues the sweep "
                    + "sweep-resnet18-x0.125-fashion-mnist-28"), models.training().statusProperty().get());
            assertTrue(cells.getItems().stream().noneMatch(c -> c.state().equals("training")), cells.getItems().toString());
            robot.clickOn("#train-resume");
        } else {
            pressSweepSizes(robot);
        }
        waitUntil(400, this::sweepEnded);
        assertNull(models.training().failureProperty().get(), models.training().statusProperty().get());
        assertTrue(models.training().statusProperty().get().endsWith(": 3 of 3 cells finished"),
                models.training().statusProperty().get());
        List<Path> all = runFolders(cellsDir);
        assertEquals(3, all.size(), "the same three cell folders, none made again: " + all);
        for (var e : finishedBefore.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey().resolve("metrics.csv")),
                    "a finished cell is not trained again: " + e.getKey().getFileName());
        }
        for (Path dir : all) {
            assertEquals(List.of(0, 1), new MetricsCsv(dir.resolve("metrics.csv")).rows().stream()
                    .map(MetricsRow::epoch).toList(), "each epoch once in " + dir.getFileName());
        }
    }

    @Test
    void aFieldTheCoreRefusesIsMarkedAndHoldsStartAndTheSweepBack(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        Spinner<Integer> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        Button start = robot.lookup("#train-start").queryAs(Button.class);
        Button sweep = robot.lookup("#sweep-sizes").queryAs(Button.class);
        assertFalse(start.isDisabled());
        robot.interact(() -> epochs.getEditor().setText("0"));
        waitUntil(10, () -> models.setup().invalidProperty().get());
        assertTrue(start.isDisabled(), "Start waits for the field to be mended");
        assertTrue(sweep.isDisabled(), "so does Sweep sizes");
        String tip = view.setupView().validation().getHighestMessage(epochs.getEditor())
                .map(m -> m.getText()).orElse("");
        assertTrue(tip.contains("train.epochs must be between 1 and"), tip);

        robot.interact(() -> epochs.getEditor().setText("3"));
        waitUntil(10, () -> !models.setup().invalidProperty().get());
        assertFalse(start.isDisabled());
    }

    private Set<Integer> sizesOnChart(String method) {
        return models.pareto().points().stream().map(ParetoPoint::entry)
                .filter(e -> e.method().equals(method) && e.kind().equals("sweep cell"))
                .map(e -> e.inputSize()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> runFolders(Path under) throws Exception {
        if (!Files.isDirectory(under)) {
            return List.of();
        }
        try (var walk = Files.walk(under)) {
            return walk.filter(p -> Files.isRegularFile(p.resolve("config.yaml"))).sorted().toList();
        }
    }

    private static long countRunFolders(Path under) throws Exception {
        return runFolders(under).size();
    }
}
