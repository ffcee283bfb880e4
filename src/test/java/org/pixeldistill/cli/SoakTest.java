package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;

/**
 * A tiny seeded run stopped again and again, by Ctrl-C (SIGINT, exit 3) and by kill -9, each time
 * resumed, ends with the records of the same run trained without a stop: the same epochs, each
 * once in metrics.csv, and the same scores. The default suite runs 3 SIGINT and 2 kill -9 cycles;
 * {@code -Dsoak=true} runs the full soak (30 and 15), as the README's Reliability section says:
 * {@code mvn -o test -Dtest=SoakTest -Dsoak=true}.
 */
class SoakTest {
    private static final int SIGINT = 2;
    private static final boolean FULL = Boolean.getBoolean("soak");
    private static final int SIGINTS = FULL ? 30 : 3;
    private static final int KILLS = FULL ? 15 : 2;
    private static final int EPOCHS = FULL ? 100 : 12;
    /** Test top-1 may differ by this much (percent) from the uninterrupted run's, per epoch. */
    static final double TOP1_TOLERANCE = 0.0;
    /** And the mean training loss by this much. */
    static final double LOSS_TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    private static List<String> config(Path out) {
        return List.of("--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--out", out.toString(), "--set",
                "name=soak", "--set", "train.epochs=" + EPOCHS, "--set", "data.train_limit=48", "--set",
                "data.test_limit=40", "--set", "train.batch_size=8", "--set", "train.seeds=[3]");
    }

    private static boolean epochLine(String line) {
        return line.matches("\\s+model seed 3\\s+epoch \\d+\\s+loss.*");
    }

    private static String failure(ForkedRun run) {
        try {
            return "exit " + run.exitCode() + "\n" + run.out() + run.err();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void anInterruptedRunEndsWithTheMetricsOfAnUninterruptedOne() throws Exception {
        assumeFalse(ForkedRun.ignored(SIGINT), "this JVM was started with SIGINT ignored, and so are its children");
        long start = System.nanoTime();
        Random random = new Random(42);
        Path runs = dir.resolve("soak");
        Path runDir = null;
        int sigints = 0;
        int kills = 0;
        // interleaved, two Ctrl-C to one kill -9, so both kinds meet every part of the run
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < Math.max(SIGINTS, KILLS * 2); i++) {
            if (i < SIGINTS) {
                plan.add("INT");
            }
            if (i % 2 == 1 && i / 2 < KILLS) {
                plan.add("KILL");
            }
        }
        for (String stop : plan) {
            List<String> args = new ArrayList<>(List.of("train"));
            if (runDir == null) {
                args.addAll(config(runs));
            } else {
                args.addAll(List.of("--resume", runDir.toString()));
            }
            try (ForkedRun run = ForkedRun.start(dir, false, args.toArray(String[]::new))) {
                // 0-2 epochs of this session first, then a few milliseconds: the stop lands before the first
                // step, inside an epoch, or while an epoch's files are being written
                int epochsFirst = random.nextInt(3);
                assertTrue(run.awaitLine(l -> l.startsWith("== model, seed 3")), () -> failure(run));
                for (int e = 0; e < epochsFirst; e++) {
                    assertTrue(run.awaitLine(SoakTest::epochLine), () -> failure(run));
                }
                if (stop.equals("INT")) {
                    Thread.sleep(random.nextInt(100));
                    run.signal("INT");
                    assertEquals(3, run.exitCode(), "cycle " + (sigints + kills) + ": " + run.out() + run.err());
                    // libtorch's own deprecation warning (once per process, on resume) may precede it
                    List<String> ours = run.err().strip().lines().filter(l -> !l.startsWith("[W ")).toList();
                    assertEquals(1, ours.size(), run.err());
                    assertTrue(ours.get(0).startsWith("stopped: "), run.err());
                    sigints++;
                } else {
                    Thread.sleep(random.nextInt(60));
                    run.killHard();
                    run.exitCode();
                    kills++;
                }
            }
            if (runDir == null) {
                try (var list = Files.list(runs)) {
                    runDir = list.filter(p -> p.getFileName().toString().startsWith("soak-")).findFirst().orElseThrow();
                }
            }
            RunSummary s = RunFolder.open(runDir).readSummary().orElseThrow();
            assertTrue(!s.status().equals("finished"), "the run finished before its stops were all made: raise EPOCHS");
        }
        CliRun last = CliRun.of("train", "--resume", runDir.toString());
        assertEquals(0, last.code(), last.err());
        double soakSeconds = (System.nanoTime() - start) / 1e9;

        long refStart = System.nanoTime();
        List<String> ref = new ArrayList<>(List.of("train"));
        ref.addAll(config(dir.resolve("reference")));
        CliRun reference = CliRun.of(ref.toArray(String[]::new));
        assertEquals(0, reference.code(), reference.err());
        double refSeconds = (System.nanoTime() - refStart) / 1e9;
        Path refDir;
        try (var list = Files.list(dir.resolve("reference"))) {
            refDir = list.filter(p -> p.getFileName().toString().startsWith("soak-")).findFirst().orElseThrow();
        }

        List<MetricsRow> got = RunFolder.open(runDir).metrics().rows();
        List<MetricsRow> want = RunFolder.open(refDir).metrics().rows();
        List<Integer> epochs = new ArrayList<>();
        for (int e = 0; e < EPOCHS; e++) {
            epochs.add(e);
        }
        assertEquals(epochs, got.stream().map(MetricsRow::epoch).toList(), "every epoch exactly once");
        double top1Diff = 0;
        double lossDiff = 0;
        for (int e = 0; e < EPOCHS; e++) {
            top1Diff = Math.max(top1Diff, Math.abs(got.get(e).testScore() - want.get(e).testScore()));
            lossDiff = Math.max(lossDiff, Math.abs(got.get(e).losses().get("total") - want.get(e).losses().get("total")));
        }
        RunSummary soaked = RunFolder.open(runDir).readSummary().orElseThrow();
        RunSummary straight = RunFolder.open(refDir).readSummary().orElseThrow();
        System.out.printf(Locale.ROOT, "soak: %d SIGINT + %d kill -9 cycles, %d epochs, %.0f s wall (uninterrupted run"
                + " %.0f s); best top-1 %.2f vs %.2f, last %.2f vs %.2f; max |diff| per epoch: test top-1 %.4f,"
                + " loss %.2e%n", sigints, kills, EPOCHS, soakSeconds, refSeconds, soaked.bestScore(),
                straight.bestScore(), soaked.lastScore(), straight.lastScore(), top1Diff, lossDiff);
        assertEquals(SIGINTS, sigints);
        assertEquals(KILLS, kills);
        assertEquals("finished", soaked.status());
        assertTrue(top1Diff <= TOP1_TOLERANCE, "test top-1 differs by " + top1Diff);
        assertTrue(lossDiff <= LOSS_TOLERANCE, "training loss differs by " + lossDiff);
    }
}
