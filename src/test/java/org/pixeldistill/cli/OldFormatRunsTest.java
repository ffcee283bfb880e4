package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.OldFormatRuns;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepPlan;
import org.pixeldistill.core.sweep.SweepRunner;

/**
 * Runs written before scores were named still work through the commands: {@code eval},
 * {@code train --resume}, {@code sweep} (continuing a sweep) and {@code report}.
 */
class OldFormatRunsTest {
    @TempDir
    Path dir;

    @Test
    void evalScoresTheSavedNetworksOfAnOldClassifierAndDetector() {
        Path root = OldFormatRuns.copyTo(dir);
        CliRun model = CliRun.of("eval", root.resolve(OldFormatRuns.MODEL).toString());
        assertEquals(0, model.code(), model.err());
        // each seed's best.params scores what its summary and state.json recorded for the best epoch
        // (to a point or two: the engine's kernels differ between machines and thread counts)
        assertNear(15.0, score(model.out(), "model seed 0 (best): top-1 "), 3);
        assertNear(19.0, score(model.out(), "model seed 1 (best): top-1 "), 3);
        CliRun detector = CliRun.of("eval", root.resolve(OldFormatRuns.DETECTOR).toString());
        assertEquals(0, detector.code(), detector.err());
        assertNear(2.78, score(detector.out(), "model seed 0 (best): mAP50 "), 2);
    }

    /** The percentage printed right after {@code prefix}. */
    private static double score(String out, String prefix) {
        int at = out.indexOf(prefix);
        assertTrue(at >= 0, "no '" + prefix + "' in: " + out);
        String rest = out.substring(at + prefix.length());
        return Double.parseDouble(rest.substring(0, rest.indexOf('%')));
    }

    private static void assertNear(double expected, double actual, double within) {
        assertTrue(Math.abs(expected - actual) <= within, actual + " is not within " + within + " of " + expected);
    }

    @Test
    void resumeFinishesAnOldRunCountingEachEpochOnce() throws IOException {
        Path run = OldFormatRuns.copyTo(dir).resolve(OldFormatRuns.MODEL);
        Path seed1 = run.resolve("checkpoints/model-seed-1");
        byte[] bestBefore = Files.readAllBytes(seed1.resolve("best.params"));
        CliRun o = CliRun.of("train", "--resume", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("-- model seed 0 already finished; kept as it is"), o.out());
        assertTrue(o.out().contains("-- model seed 1: resumed after epoch 1"), o.out());

        RunFolder folder = RunFolder.open(run);
        List<MetricsRow> rows = folder.metrics().rows();
        assertEquals(List.of("0/0", "0/1", "1/0", "1/1"), rows.stream().map(r -> r.seed() + "/" + r.epoch()).toList());
        assertEquals(19.0, rows.get(2).testScore(), 1e-9, "the old epoch's row is kept as it was");
        Checkpoint.State state = new Checkpoint(seed1).state().orElseThrow();
        assertEquals(2, state.epochsDone());
        assertTrue(state.finished());
        int best = rows.get(3).testScore() > 19.0 ? 1 : 0;
        assertEquals(best, state.bestEpoch());
        assertEquals(Math.max(19.0, rows.get(3).testScore()), state.bestScore(), 1e-9);
        assertEquals(best == 0, Arrays.equals(bestBefore, Files.readAllBytes(seed1.resolve("best.params"))),
                "best.params is replaced only by a better epoch");

        RunSummary summary = folder.readSummary().orElseThrow();
        assertEquals("finished", summary.status());
        assertEquals(Score.TOP1, summary.score());
        assertEquals(2, summary.seeds().size());
        assertEquals((15.0 + state.bestScore()) / 2, summary.bestScore(), 1e-9);
        String json = Files.readString(run.resolve("summary.json"));
        assertTrue(json.contains("\"score\" : \"top1\"") && !json.contains("best_top1"), json);
    }

    @Test
    void sweepContinuesAnOldSweepWithoutRetrainingItsFinishedCells() throws IOException {
        Path root = OldFormatRuns.copyTo(dir);
        Path base = root.resolve("configs/base.yaml");
        Path sweep = root.resolve(OldFormatRuns.SWEEP);
        // the cells' folders are named by their config's hash, which holds the (moved) data path:
        // put each where this machine's sweep looks for it, as it was where the sweep was made
        List<SweepCell> cells = SweepPlan.plan(ConfigLoader.load(base), new SweepPlan.Options(List.of(2),
                List.of("resnet18"), List.of("baseline", "kd"), 1, "none", 0));
        SweepRunner runner = new SweepRunner(root.resolve("runs"), sweep, new TrainingListener() {}, new Cancellation());
        for (SweepCell cell : cells) {
            try (var old = Files.list(sweep.resolve("cells"))) {
                Path from = old.filter(p -> p.getFileName().toString().startsWith(cell.id() + "-")).findFirst()
                        .orElseThrow();
                Files.move(from, runner.cellDir(cell));
            }
        }
        CliRun o = CliRun.of("sweep", "--config", base.toString(), "--out", root.resolve("runs").toString(), "--ratios",
                "2", "--methods", "baseline,kd", "--seeds", "1", "--images", "20");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("resnet18-r2-baseline: finished already, skipped"), o.out());
        assertTrue(o.out().contains("resnet18-r2-kd: finished already, skipped"), o.out());
        List<String> csv = Files.readAllLines(sweep.resolve("sweep.csv"));
        assertTrue(csv.get(1).startsWith("resnet18-r2-baseline,resnet18,baseline,2,7,finished,1,11.0000,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("resnet18-r2-kd,resnet18,kd,2,7,finished,1,7.00000,"), csv.get(2));
    }

    @Test
    void reportReadsAnOldSweepWithItsTeacher() {
        Path root = OldFormatRuns.copyTo(dir);
        CliRun o = CliRun.of("report", "--sweep", root.resolve(OldFormatRuns.SWEEP).toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("| baseline | 11.00 ± 0.00 (11.00) |"), o.out());
        assertTrue(o.out().contains("| kd | 7.00 ± 0.00 (7.00) |"), o.out());
        assertTrue(o.out().contains("| teacher | old-teacher-51832b776aad | resnet18 | 0.06 | 14 px | 200 | 1 | 12.00 |"),
                o.out());
        assertFalse(o.out().contains("not found"), o.out());
    }
}
