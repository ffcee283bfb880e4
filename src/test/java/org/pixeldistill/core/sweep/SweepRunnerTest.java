package org.pixeldistill.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Stage;

/** An interrupted sweep loses no finished cell and picks up where it stopped. */
class SweepRunnerTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunSkipsFinishedCellsAndResumesTheInterruptedOne() throws Exception {
        List<SweepCell> cells = SweepPlan.plan(SweepPlanTest.base(dir, 14).withTrain(
                SweepPlanTest.base(dir, 14).train().withEpochs(2)),
                new SweepPlan.Options(List.of(2), List.of("resnet18"), List.of("baseline", "kd"), 1, "none", 0));
        Path runs = dir.resolve("runs");
        Path sweepDir = runs.resolve("sweeps").resolve("sw");
        Cancellation cancel = new Cancellation();
        TrainingListener stopInSecondCell = new TrainingListener() {
            @Override
            public void onEpoch(MetricsRow row) {
                if (row.stage() == Stage.STUDENT) {
                    cancel.cancel();
                }
            }
        };
        assertThrows(RunCancelledException.class,
                () -> new SweepRunner(runs, sweepDir, stopInSecondCell, cancel).run(cells, r -> { }));
        SweepRunner again = new SweepRunner(runs, sweepDir, new TrainingListener() {}, new Cancellation());
        List<SweepRunner.Result> before = again.status(cells);
        assertEquals("finished", before.get(0).summary().status());
        assertEquals("cancelled", before.get(1).summary().status());

        List<String> messages = new ArrayList<>();
        TrainingListener log = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        List<SweepRunner.Result> after = new SweepRunner(runs, sweepDir, log, new Cancellation()).run(cells, r -> { });
        assertTrue(messages.contains("cell 1/2 resnet18-r2-baseline: finished already, skipped"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("resumed after epoch 1")), messages.toString());
        assertTrue(after.stream().allMatch(r -> r.summary().status().equals("finished")));
    }

    @Test
    void aCellWhoseLossDivergesIsRecordedAsFailedAndTheNextStillRuns() throws Exception {
        List<SweepCell> planned = SweepPlan.plan(SweepPlanTest.base(dir, 14),
                new SweepPlan.Options(List.of(2), List.of("resnet18"), List.of("baseline", "kd"), 1, "none", 0));
        // the first cell with a learning rate no network survives
        SweepCell first = planned.get(0);
        SweepCell diverging = new SweepCell(first.id(), first.student(), first.ratio(), first.method(), first.inputSize(),
                first.config().withTrain(first.config().train().withLr(1e12)));
        List<SweepCell> cells = List.of(diverging, planned.get(1));
        Path runs = dir.resolve("runs");
        List<String> messages = new ArrayList<>();
        TrainingListener log = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        List<SweepRunner.Result> results = new SweepRunner(runs, runs.resolve("sweeps/sw"), log, new Cancellation())
                .run(cells, r -> { });
        assertEquals("failed", results.get(0).summary().status());
        assertTrue(results.get(0).summary().message().contains("not finite"), results.get(0).summary().message());
        assertEquals("finished", results.get(1).summary().status());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("cell resnet18-r2-baseline failed: loss is not finite")),
                messages.toString());
    }

    @Test
    void theSharedTeacherAndItsCacheAreBuiltBeforeTheFirstCell() throws Exception {
        List<SweepCell> cells = SweepPlan.plan(SweepPlanTest.base(dir, 14),
                new SweepPlan.Options(List.of(2), List.of("resnet18"), List.of("baseline", "kd"), 1, "none", 0));
        Path runs = dir.resolve("runs");
        List<String> messages = new ArrayList<>();
        List<String> stagesBeforeFirstCell = new ArrayList<>();
        TrainingListener log = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }

            @Override
            public void onEpoch(MetricsRow row) {
                if (messages.stream().noneMatch(m -> m.startsWith("cell 1/2"))) {
                    stagesBeforeFirstCell.add(row.stage().name());
                }
            }
        };
        List<SweepRunner.Result> results = new SweepRunner(runs, runs.resolve("sweeps/sw"), log, new Cancellation())
                .run(cells, r -> { });
        int firstCell = indexOf(messages, "cell 1/2");
        int teacher = indexOf(messages, "shared teacher first");
        int cache = indexOf(messages, "shared cache first");
        assertTrue(teacher >= 0 && cache > teacher && firstCell > cache, messages.toString());
        assertEquals(List.of("TEACHER"), stagesBeforeFirstCell, "the teacher trained before the baseline cell started");
        assertTrue(results.stream().allMatch(r -> r.summary().status().equals("finished")));
        // the KD cell found the cache on disk and read it rather than recording it again
        List<String> cellMessages = messages.subList(firstCell, messages.size());
        assertTrue(cellMessages.stream().anyMatch(m -> m.startsWith("teacher cache reused")), messages.toString());
        assertTrue(cellMessages.stream().noneMatch(m -> m.startsWith("teacher cache not recorded yet")), messages.toString());
    }

    private static int indexOf(List<String> messages, String prefix) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
