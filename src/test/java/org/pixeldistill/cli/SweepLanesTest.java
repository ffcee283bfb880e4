package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.sweep.LaneScheduler.Job;

/**
 * {@code sweep --lanes 2}: a tiny sweep (teacher, its cache, 2 ratios x baseline and KD, one
 * epoch on a slice) whose jobs run as JVMs of their own, two at a time: stopped by SIGTERM while
 * its teacher trains, continued by the same command, and then found to have nothing left to do.
 */
class SweepLanesTest {
    @Test
    void aStoppedSweepContinuesInTwoLanesAndAThirdRunFindsItDone(@TempDir Path out) throws Exception {
        String[] args = {"sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--ratios", "2,4",
            "--methods", "baseline,kd", "--seeds", "1", "--out", out.toString(), "--lanes", "2",
            "--set", "train.epochs=1", "--set", "data.train_limit=600", "--set", "data.test_limit=100",
            "--set", "teacher.set=[train.epochs=2]", "--set", "distill.cache_views=1"};
        Path sweep = out.resolve("sweeps/demo-fmnist-kd");
        try (ForkedRun stopped = ForkedRun.start(out, false, args)) {
            // SIGTERM to the sweep once its teacher job trains: every job stops with its records
            Path teacherLog = sweep.resolve("slurm/logs/teacher-1.log");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!(Files.exists(teacherLog) && Files.readString(teacherLog).contains("== teacher, seed 0"))) {
                assertTrue(System.nanoTime() < deadline, "the teacher job did not start training");
                Thread.sleep(100);
            }
            stopped.signal("TERM");
            assertEquals(3, stopped.exitCode(), stopped.out() + stopped.err());
            assertTrue(stopped.err().contains("run the same sweep command again"), stopped.err());
            assertTrue(stopped.out().contains("teacher-1 did not finish (exit code 3)"), stopped.out());
            Path teacher;
            try (var teachers = Files.list(out.resolve("teachers"))) {
                teacher = teachers.findFirst().orElseThrow();
            }
            assertEquals("cancelled", RunFolder.open(teacher).readSummary().orElseThrow().status());
        }

        // the other lane's baseline cell may have finished before the stop reached it: not run again
        long finishedBefore = finishedCells(sweep);
        CliRun first = CliRun.of(args);
        assertEquals(0, first.code(), first.out() + first.err());
        String log = first.out();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertTrue(log.contains((6 - finishedBefore) + " jobs in 2 lanes (" + threads + " libtorch thread" + (threads == 1 ? "" : "s") + " each)"), log);
        assertTrue(log.contains("lane 1: teacher-1 started") || log.contains("lane 2: teacher-1 started"), log);
        assertTrue(log.matches("(?s).*lane 1: cell \\d.*") && log.matches("(?s).*lane 2: cell \\d.*"),
                "both lanes train cells: " + log);
        assertTrue(log.contains("every job finished"), log);

        List<String> rows = Files.readAllLines(sweep.resolve("sweep.csv"));
        assertEquals(5, rows.size(), "a header and 4 cells: " + rows);
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",finished,")), String.join("\n", rows));
        for (String job : List.of("teacher-1", "cache-1", "cell-0", "cell-1", "cell-2", "cell-3")) {
            Path jobLog = sweep.resolve("slurm/logs/" + job + ".log");
            assertTrue(Files.size(jobLog) > 0, "each job writes its own log: " + jobLog);
        }
        assertTrue(Files.readString(sweep.resolve("slurm/logs/cell-1.log")).contains("teacher cache"),
                "the KD cell reads the cache the cache job recorded");

        CliRun again = CliRun.of(args);
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("every cell of the sweep has finished already"), again.out());
    }

    private static long finishedCells(Path sweep) throws IOException {
        if (!Files.isDirectory(sweep.resolve("cells"))) {
            return 0;
        }
        try (var cells = Files.list(sweep.resolve("cells"))) {
            return cells.filter(c -> RunFolder.open(c).readSummary().map(s -> "finished".equals(s.status())).orElse(false))
                    .count();
        }
    }

    @Test
    void onlyUnfinishedCellsAndThePrerequisitesTheyWaitForRun() {
        List<Job> all = List.of(new Job("teacher-1", "teacher-1", null, List.of(), 0),
                new Job("assistant-1", "assistant-1", null, List.of("teacher-1"), 0),
                new Job("cache-1", "cache-1", null, List.of("teacher-1"), 0),
                new Job("cell 0", null, 0, List.of(), 1), new Job("cell 1", null, 1, List.of("teacher-1", "cache-1"), 1),
                new Job("cell 2", null, 2, List.of("teacher-1", "assistant-1"), 1));
        assertEquals(List.of("teacher-1", "assistant-1", "cell 2"),
                SweepLanes.toRun(all, Set.of(2)).stream().map(Job::name).toList());
        assertEquals(List.of("cell 0"), SweepLanes.toRun(all, Set.of(0)).stream().map(Job::name).toList());
    }

    @Test
    void lanesAreForTheLocalExecutor() {
        CliRun r = CliRun.of("sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--lanes", "2",
                "--executor", "slurm", "--dry-run");
        assertTrue(r.code() != 0, r.out());
        assertTrue(r.err().contains("--lanes is for the local executor"), r.err());
        CliRun zero = CliRun.of("sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--lanes", "0");
        assertTrue(zero.code() != 0 && zero.err().contains("--lanes"), zero.err());
    }
}
