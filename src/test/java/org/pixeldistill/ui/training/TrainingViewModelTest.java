package org.pixeldistill.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.ui.TestPrefs;
import org.pixeldistill.ui.Tiny;
import org.pixeldistill.ui.TinyDetectorConfig;
import org.pixeldistill.ui.WorkbenchModels;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.setup.Method;

/** Real tiny runs through the view-models: Start, Stop, Resume, and a failure that stays one line. */
class TrainingViewModelTest {
    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();

    @AfterEach
    void removePrefs() {
        prefs.close();
    }

    @Test
    void theWhatIfPointFollowsTheMethodBeingSetUp() {
        WorkbenchModels m = models(Method.KD, 1);
        assertEquals("kd", m.pareto().whatIfMethodProperty().get());
        m.setup().methodProperty().set(Method.TAS);
        assertEquals("tas", m.pareto().whatIfMethodProperty().get());
        m.setup().methodProperty().set(Method.BASELINE);
        assertEquals("baseline", m.pareto().whatIfMethodProperty().get());
        // and is where the what-if goes back to when the toolbar's pick has no runs any more
        m.pareto().whatIfMethodProperty().set("kd");
        assertEquals("baseline", m.pareto().setupMethodProperty().get());
    }

    private WorkbenchModels models(Method method, int epochs) {
        WorkbenchModels m = WorkbenchModels.create(runs, Tiny.DEMO, prefs.preferences(), TaskRunner.DIRECT,
                UiThread.DIRECT);
        m.setup().apply(Tiny.choices(method, epochs));
        return m;
    }

    private static RunSummary summary(Path dir) {
        return RunFolder.open(dir).readSummary().orElseThrow();
    }

    @Test
    void startTrainsTheSetupAndFillsTheLossChart() {
        WorkbenchModels m = models(Method.BASELINE, 2);
        m.training().start();
        Path done = m.training().lastFinishedRunProperty().get();
        assertNotNull(done, m.training().statusProperty().get());
        assertEquals(done, m.training().currentRunProperty().get());
        assertEquals("finished", summary(done).status());
        assertFalse(m.training().runningProperty().get());
        assertEquals(1.0, m.training().progressProperty().get());
        assertTrue(m.training().statusProperty().get().startsWith("finished: baseline-resnet18-7-"),
                m.training().statusProperty().get());
        assertTrue(m.lossChart().hasPoints());
        Curve total = m.lossChart().lossCurves().stream().filter(c -> c.name().equals("model total")).findFirst()
                .orElseThrow();
        assertEquals(2, total.points().size());
        assertEquals(2, m.lossChart().accuracyCurves().get(0).points().size());
        assertNull(m.training().failureProperty().get());
    }

    @Test
    void aDistillationShowsTheTeachersAndTheStudentsCurves() {
        WorkbenchModels m = models(Method.ISRD, 1);
        List<String> statuses = new java.util.ArrayList<>();
        List<String> progress = new java.util.ArrayList<>();
        m.training().statusProperty().addListener((o, was, is) -> statuses.add(is));
        m.training().progressTextProperty().addListener((o, was, is) -> progress.add(is));
        m.training().start();
        assertTrue(statuses.contains("stage 1/2 teacher: resnet18 at 28x28, 1 epoch"), statuses.toString());
        assertTrue(statuses.contains("stage 2/2 student: resnet18 at 7x7 from resnet18 at 28, 1 epoch"),
                statuses.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("stage 2/2 student · epoch 1/1 · batch ")
                && l.endsWith(" left")), progress.toString());
        assertNotNull(m.training().lastFinishedRunProperty().get(), m.training().statusProperty().get());
        List<String> names = m.lossChart().lossCurves().stream().map(Curve::name).toList();
        assertTrue(names.containsAll(List.of("teacher ce", "student kd", "student isrd", "student total")), names.toString());
        assertEquals(List.of("all stages", "teacher", "student"), m.lossChart().stages());
    }

    @Test
    void stopLeavesTheRunCancelledAndResumeFinishesIt() {
        WorkbenchModels m = models(Method.BASELINE, 2);
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpoch(MetricsRow row) {
                m.training().stop();
            }
        };
        m.training().addListener(stopAfterFirstEpoch);
        m.training().start();
        Path dir = m.training().currentRunProperty().get();
        assertNotNull(dir);
        assertEquals("cancelled", summary(dir).status());
        assertEquals(dir, m.training().resumableRunProperty().get());
        assertNull(m.training().lastFinishedRunProperty().get());
        assertTrue(m.training().statusProperty().get().startsWith("stopped;"), m.training().statusProperty().get());
        assertEquals("", m.training().progressTextProperty().get(), "no time left shown for a stopped run");
        assertEquals(1, new MetricsCsv(dir.resolve("metrics.csv")).rows().size());

        m.training().removeListener(stopAfterFirstEpoch);
        m.training().resume();
        assertEquals(dir, m.training().lastFinishedRunProperty().get(), m.training().statusProperty().get());
        assertEquals("finished", summary(dir).status());
        assertEquals(List.of(0, 1), new MetricsCsv(dir.resolve("metrics.csv")).rows().stream().map(MetricsRow::epoch).toList());
        assertNull(m.training().resumableRunProperty().get());
        assertEquals(2, m.lossChart().accuracyCurves().get(0).points().size(), "the earlier epoch is read back");
    }

    @Test
    void aStoppedRunIsFoundAgainAfterARestart() {
        WorkbenchModels m = models(Method.BASELINE, 2);
        m.training().addListener(new TrainingListener() {
            @Override
            public void onEpoch(MetricsRow row) {
                m.training().stop();
            }
        });
        m.training().start();
        Path stopped = m.training().currentRunProperty().get();
        WorkbenchModels restarted = models(Method.BASELINE, 2);
        assertNull(restarted.training().resumableRunProperty().get());
        restarted.training().findResumableRun();
        assertEquals(stopped, restarted.training().resumableRunProperty().get());
    }

    @Test
    void aBadDataFolderIsOneLineAndNothingEscapes() throws Exception {
        WorkbenchModels m = models(Method.BASELINE, 1);
        Path bad = runs.resolve("not-a-data-set");
        Files.createDirectories(bad);
        m.setup().chooseFolder(bad, "fashion-mnist");
        m.training().start();
        TrainingViewModel.Failure failure = m.training().failureProperty().get();
        assertNotNull(failure);
        assertTrue(failure.message().startsWith("data file missing: "), failure.message());
        assertFalse(failure.message().contains("\n"));
        assertEquals("error: " + failure.message(), m.training().statusProperty().get());
        assertFalse(m.training().runningProperty().get());
        assertNull(m.training().lastFinishedRunProperty().get());
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("baseline")).toList(),
                    "a run that never started leaves no folder");
        }
        // The same message twice is still a new failure event.
        m.training().start();
        assertEquals(failure.message(), m.training().failureProperty().get().message());
        assertTrue(m.training().failureProperty().get().id() > failure.id());
    }

    @Test
    void aBadChoiceFailsBeforeTraining() {
        WorkbenchModels m = models(Method.BASELINE, 1);
        m.setup().studentWidthProperty().set(9.0);
        m.training().start();
        assertEquals("error: model.width must be between 0.05 and 4, got 9", m.training().statusProperty().get());
    }

    @Test
    void aConfigFileTrainsADetectorAndSaysMap50() throws Exception {
        WorkbenchModels m = models(Method.BASELINE, 1);
        List<String> lines = new java.util.ArrayList<>();
        m.training().statusProperty().addListener((o, was, is) -> lines.add(is));
        Path yaml = TinyDetectorConfig.write(runs, "");
        m.training().startFile(yaml);
        Path done = m.training().lastFinishedRunProperty().get();
        assertNotNull(done, m.training().statusProperty().get());
        assertTrue(done.getFileName().toString().startsWith("tiny-detector-"), done.toString());
        assertTrue(RunFolder.open(done).readConfig().isDetection());
        assertTrue(m.training().statusProperty().get().matches("finished: tiny-detector-.*, best test mAP50 [0-9.]+ %"),
                m.training().statusProperty().get());
        assertTrue(lines.stream().anyMatch(l -> l.contains("epoch 1/1: test mAP50 ")), lines.toString());
        assertEquals(runs.toString(), m.training().configDirectoryProperty().get());
    }

    @Test
    void aConfigFileWithAnUnknownKeyFailsInOneLineAndStartsNothing() throws Exception {
        WorkbenchModels m = models(Method.BASELINE, 1);
        m.training().startFile(TinyDetectorConfig.write(runs, "colour_jitter: 0.5\n"));
        TrainingViewModel.Failure failure = m.training().failureProperty().get();
        assertNotNull(failure);
        assertTrue(failure.message().contains("colour_jitter"), failure.message());
        assertFalse(failure.message().contains("\n"));
        assertFalse(failure.started(), "the dialog says the run could not start, not that it could not go on");
        assertNull(m.training().currentRunProperty().get());
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.filter(Files::isDirectory).toList(), "nothing started, no folder");
        }
    }

    @Test
    void trainConfigOpensOnTheSampleConfigsUntilAConfigWasChosen() throws Exception {
        WorkbenchModels m = models(Method.BASELINE, 1);
        Path work = runs.resolve("work");
        Files.createDirectories(work.resolve("sample-configs"));
        m.training().configDirectoryProperty().set("");
        assertEquals(work.resolve("sample-configs").toAbsolutePath().normalize(),
                m.training().configStartDirectory(work));
        assertEquals(BundledFiles.folder().resolve("sample-configs"), m.training().configStartDirectory(
                runs.resolve("elsewhere")), "no samples in the working directory: the bundled ones");
        m.training().configDirectoryProperty().set(runs.toString());
        assertEquals(runs, m.training().configStartDirectory(work), "the last config's folder wins");
    }

    @Test
    void aRunThatEndsWhileTheWindowIsInTheBackgroundBecomesANotice() {
        WorkbenchModels m = models(Method.BASELINE, 1);
        m.training().start();
        assertNull(m.training().noticeProperty().get(), "the window had the focus: no notification");
        m.training().windowFocusedProperty().set(false);
        m.training().start();
        TrainingViewModel.Notice notice = m.training().noticeProperty().get();
        assertNotNull(notice);
        assertEquals("Training finished", notice.title());
        assertEquals(m.training().statusProperty().get(), notice.text());
        assertTrue(notice.text().startsWith("finished: "), notice.text());
    }
}
