package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.sweep.slurm.SlurmClient;
import org.pixeldistill.core.sweep.slurm.SlurmPlanFile;
import org.pixeldistill.core.sweep.slurm.SweepStatus;

/**
 * A tiny sweep through a real Slurm (.ci/slurm-up.sh starts a one-node cluster): 2 ratios x 2
 * methods x 1 seed with one teacher, submitted with sbatch as a teacher job, a teacher-cache job
 * and two cell arrays capped at one running task each. One cell is requeued mid-run (scontrol
 * requeue: SIGTERM, then back to the queue) and must resume from its last completed epoch.
 * Beside it, a one-cell sweep with a one-minute time limit that its training outlasts: the
 * warning signal must stop it with its last epoch saved, requeue it and resume it. Skips itself
 * when no Slurm controller answers, unless PDW_REQUIRE_SLURM=1 (CI), where that is a failure.
 */
class SlurmSweepIT {
    private static final Path JAR = Path.of("target/pixel-distillation-workbench.jar");
    private static final int EPOCHS = 4;
    /**
     * Seconds of training the time-limited cell is given, at the fastest this machine trains its
     * epochs now: more than its first run can train before the warning, which comes 28-58 s after
     * the run starts (slurmctld checks limits every 30 s), and little more, since the rest is what
     * the second run trains.
     */
    private static final double LIMITED_TRAINING_SECONDS = 75;

    @BeforeAll
    static void needsSlurm() {
        String why = null;
        try {
            String out = exec(List.of("sinfo", "-h", "-o", "%t"));
            if (!out.matches("(?s).*(idle|mix|alloc).*")) {
                why = "the Slurm node is not up (sinfo: " + out.trim() + ")";
            }
        } catch (IOException | RuntimeException e) {
            why = "no Slurm controller answers (" + e.getMessage() + ")";
        }
        if (why != null) {
            if ("1".equals(System.getenv("PDW_REQUIRE_SLURM"))) {
                fail(why + "; PDW_REQUIRE_SLURM=1 needs a running cluster: run .ci/slurm-up.sh as root");
            }
            Assumptions.abort(why + ": run .ci/slurm-up.sh as root to start a one-node cluster");
        }
        assertTrue(Files.isRegularFile(JAR), "the test runs the packaged jar on the node: " + JAR.toAbsolutePath());
    }

    @Test
    void tinySweepRunsAsJobsAndCellsResumeAfterARequeueAndATimeLimit() throws Exception {
        long start = System.nanoTime();
        Path out = Files.createDirectories(Path.of("target/slurm-it")).resolve("run-" + System.currentTimeMillis());
        String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // submitted first, so that it takes one of the node's two CPUs at once
        TimeLimitedCell limited = TimeLimitedCell.submit(out, javaCmd);
        CliRun submitted = CliRun.of("sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--ratios", "2,4",
                "--methods", "baseline,kd", "--seeds", "1", "--out", out.toString(),
                "--set", "train.epochs=" + EPOCHS, "--set", "data.train_limit=1500", "--set", "data.test_limit=200",
                "--set", "teacher.set=[train.epochs=1]", "--set", "distill.cache_views=1", "--threads", "1",
                "--executor", "slurm", "--java", javaCmd + " -Xmx1g", "--jar", JAR.toAbsolutePath().toString(),
                "--max-running", "1", "--time", "00:15:00", "--requeue");
        assertEquals(0, submitted.code(), submitted.out() + submitted.err());
        Path sweepDir = out.toAbsolutePath().resolve("sweeps/demo-fmnist-kd");
        assertTrue(submitted.out().contains("submitted teacher-1"), submitted.out());
        assertTrue(submitted.out().contains("submitted cache-1"), submitted.out());
        SlurmPlanFile.Jobs jobs = SlurmPlanFile.Jobs.read(sweepDir);
        assertEquals(4, jobs.cells().size(), jobs.toString());
        // --max-running 1 reached Slurm as the arrays' %1
        for (String cell : jobs.cells().values()) {
            String array = cell.substring(0, cell.indexOf('_'));
            String shown = exec(List.of("scontrol", "show", "job", array));
            assertTrue(shown.contains("ArrayTaskThrottle=1"), shown);
        }

        // cell 0 (r2 baseline) waits for nothing: requeue it once it has a saved epoch
        String cell0 = jobs.cells().get(0);
        Path cell0Dir = Path.of(SlurmPlanFile.read(sweepDir).cell(0).folder());
        waitFor(() -> limited.tick() && epochsDone(cell0Dir) >= 1, 600, "cell 0's first epoch");
        assertTrue(epochsDone(cell0Dir) < EPOCHS, "cell 0 finished before it could be requeued; make it longer");
        exec(List.of("scontrol", "requeue", cell0));
        waitFor(() -> limited.tick() && status(sweepDir).stream().allMatch(l -> l.state().equals(SweepStatus.FINISHED)
                || l.state().equals("ended") || l.state().equals(SweepStatus.FAILED)), 900, "every job to end");
        double mainSeconds = (System.nanoTime() - start) / 1e9;

        List<SweepStatus.Line> lines = status(sweepDir);
        String table = SweepStatus.format(lines);
        for (SweepStatus.Line l : lines) {
            assertFalse(l.state().equals(SweepStatus.FAILED), table);
        }
        assertEquals(4, lines.stream().filter(l -> l.kind().startsWith("cell") && l.state().equals(SweepStatus.FINISHED)).count(), table);

        String log0 = Files.readString(logOf(sweepDir, 0));
        assertTrue(log0.contains("stopped at its last completed epoch"), log0);
        assertTrue(log0.contains("restart 1"), log0);
        assertTrue(log0.contains("continuing from its checkpoints"), log0);
        assertEquals(EPOCHS, epochsDone(cell0Dir), "the resumed cell trains each epoch once");
        // the kd cells learnt from the teacher job's teacher instead of training their own
        String logKd = Files.readString(logOf(sweepDir, 1));
        assertTrue(logKd.toLowerCase(java.util.Locale.ROOT).contains("teacher reused from"), logKd);

        List<String> csv = Files.readAllLines(sweepDir.resolve("sweep.csv"));
        assertEquals(5, csv.size(), String.join("\n", csv));
        csv.stream().skip(1).forEach(row -> assertTrue(row.contains(",finished,"), row));

        CliRun cancel = CliRun.of("sweep", "--cancel", sweepDir.toString());
        assertEquals(0, cancel.code(), cancel.err());
        assertTrue(cancel.out().contains("no job of this sweep is in the queue"), cancel.out());
        limited.finishesResumed();
        System.out.printf("SlurmSweepIT: 4 cells + teacher + cache through sbatch, one requeued, in %.0f s;"
                + " the time-limited cell (%d epochs, the fast ones %.2f s here) stopped %.0f s after submission, resumed from epoch %d, done after"
                + " %.0f s; all in %.0f s%n%s", mainSeconds, limited.epochs, limited.epochSeconds, limited.requeuedAfter, limited.resumedFrom,
                limited.doneAfter, (System.nanoTime() - start) / 1e9, table);
    }

    /**
     * One baseline cell with {@code --time 1 --signal-seconds 2 --requeue} whose training outlasts
     * the minute. Its first run must get the warning, stop with its last completed epoch saved
     * (java exit 3), requeue itself, and its second run resume from that epoch and finish. The
     * test gives the requeued job a longer limit, so that it runs exactly twice; the epochs are
     * set from a short local probe of this machine's speed.
     */
    private static final class TimeLimitedCell {
        private static final java.util.Set<String> ENDED = java.util.Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT",
                "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED");
        final long submitted = System.nanoTime();
        final int epochs;
        final double epochSeconds;
        final Path sweepDir;
        final String jobId;
        final Path cellDir;
        double requeuedAfter = -1;
        double doneAfter = -1;
        int resumedFrom;

        private TimeLimitedCell(int epochs, double epochSeconds, Path sweepDir) {
            this.epochs = epochs;
            this.epochSeconds = epochSeconds;
            this.sweepDir = sweepDir;
            this.jobId = SlurmPlanFile.Jobs.read(sweepDir).cells().get(0);
            this.cellDir = Path.of(SlurmPlanFile.read(sweepDir).cell(0).folder());
        }

        static TimeLimitedCell submit(Path out, String javaCmd) throws IOException {
            // how fast does this machine train such an epoch now? (a fixed count would be too few on a
            // fast machine or make a slow one train for minutes)
            double epochSeconds = secondsPerEpoch(out.resolve("probe"));
            int epochs = (int) Math.max(60, Math.min(5000, Math.ceil(LIMITED_TRAINING_SECONDS / epochSeconds)));
            CliRun r = CliRun.of(cellArgs(out.resolve("limited"), epochs, "--executor", "slurm", "--java", javaCmd + " -Xmx1g",
                    "--jar", JAR.toAbsolutePath().toString(), "--time", "1", "--signal-seconds", "2", "--requeue"));
            assertEquals(0, r.code(), r.out() + r.err());
            TimeLimitedCell cell = new TimeLimitedCell(epochs, epochSeconds, out.resolve("limited").toAbsolutePath().resolve("sweeps/demo-fmnist-kd"));
            String script = cell.show();
            assertTrue(script.contains("TimeLimit=00:01:00"), script);
            return cell;
        }

        /** The one baseline cell: 256 training images at 7x7 on one thread. */
        private static String[] cellArgs(Path out, int epochs, String... more) {
            List<String> args = new ArrayList<>(List.of("sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml",
                    "--ratios", "4", "--methods", "baseline", "--seeds", "1", "--out", out.toString(), "--set", "train.epochs=" + epochs,
                    "--set", "data.train_limit=256", "--set", "data.test_limit=100", "--threads", "1"));
            args.addAll(List.of(more));
            return args.toArray(String[]::new);
        }

        /**
         * Trains the cell for 6 epochs here, in this JVM, and returns the mean seconds of the two
         * fastest after the first: on a busy machine epochs vary threefold, and the cell must not
         * be able to finish in one run even if the machine stays near its fastest (one epoch alone
         * can be an outlier).
         */
        private static double secondsPerEpoch(Path out) throws IOException {
            CliRun r = CliRun.of(cellArgs(out, 6));
            assertEquals(0, r.code(), r.out() + r.err());
            Path metrics;
            try (Stream<Path> files = Files.walk(out)) {
                metrics = files.filter(f -> f.getFileName().toString().equals("metrics.csv")).findFirst().orElseThrow();
            }
            List<String> rows = Files.readAllLines(metrics);
            int wall = List.of(rows.get(0).split(",")).indexOf("wall_seconds");
            List<Double> epochs = new ArrayList<>();
            for (int i = 2; i < rows.size(); i++) {
                epochs.add(Double.parseDouble(rows.get(i).split(",")[wall]) - Double.parseDouble(rows.get(i - 1).split(",")[wall]));
            }
            java.util.Collections.sort(epochs);
            return (epochs.get(0) + epochs.get(1)) / 2;
        }

        /** Called while the test waits: once the first run has requeued itself, its next run gets time to finish. */
        boolean tick() throws IOException {
            if (doneAfter >= 0) {
                return true;
            }
            String job = show();
            if (requeuedAfter < 0 && field(job, "Restarts").equals("1")) {
                requeuedAfter = (System.nanoTime() - submitted) / 1e9;
                exec(List.of("scontrol", "update", "JobId=" + jobId, "TimeLimit=30"));
            }
            if (ENDED.contains(field(job, "JobState"))) {
                doneAfter = (System.nanoTime() - submitted) / 1e9;
            }
            return true;
        }

        void finishesResumed() throws Exception {
            waitFor(() -> tick() && doneAfter >= 0, 900, "the time-limited cell to end");
            String job = show();
            String log = Files.readString(logOf(sweepDir, 0));
            assertEquals("COMPLETED", field(job, "JobState"), job + "\n" + log);
            assertEquals("1", field(job, "Restarts"), "requeued once (Restarts=0: it finished before its time limit,"
                    + " the probe took the machine for slower than it was): " + job);
            // two job starts; the first ended by the time limit's warning, with java's "stopped" status
            assertEquals(2, countStarts(log), log);
            assertTrue(log.contains("restart 0") && log.contains("restart 1"), log);
            assertTrue(log.contains("time limit near: requeued"), log);
            assertTrue(log.contains("stopped at its last completed epoch (resumable), java exit 3"), log);
            java.util.regex.Matcher from = java.util.regex.Pattern.compile(", from epoch (\\d+)").matcher(log);
            assertTrue(from.find(), "the second run did not resume from a saved epoch:\n" + log);
            resumedFrom = Integer.parseInt(from.group(1));
            assertTrue(resumedFrom > 1 && resumedFrom <= epochs, log);
            assertEquals(epochs, epochsDone(cellDir), "each epoch trained once, over both runs");
            assertEquals("finished", org.pixeldistill.core.run.RunFolder.open(cellDir).readSummary().orElseThrow().status(),
                    Files.readString(cellDir.resolve("summary.json")));
        }

        private String show() throws IOException {
            return exec(List.of("scontrol", "show", "job", "-o", jobId));
        }
    }

    private static int countStarts(String log) {
        return (int) log.lines().filter(l -> l.startsWith("pdw: cell ") && l.contains(" restart ")).count();
    }

    /** A {@code Key=value} of scontrol's one-line output. */
    private static String field(String scontrol, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)" + key + "=(\\S*)").matcher(scontrol);
        return m.find() ? m.group(1) : "";
    }

    private static List<SweepStatus.Line> status(Path sweepDir) {
        return SweepStatus.read(sweepDir, new SlurmClient().queue());
    }

    /** Epoch rows of the student stage in a cell's metrics.csv. */
    private static int epochsDone(Path cellDir) {
        Path metrics = cellDir.resolve("metrics.csv");
        try {
            if (!Files.isRegularFile(metrics)) {
                return 0;
            }
            List<String> rows = Files.readAllLines(metrics);
            return (int) rows.stream().skip(1).filter(r -> r.startsWith("model,") || r.contains(",model,")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path logOf(Path sweepDir, int cell) throws IOException {
        try (Stream<Path> logs = Files.list(SlurmPlanFile.folderOf(sweepDir).resolve("logs"))) {
            return logs.filter(p -> p.getFileName().toString().startsWith("cell-" + cell + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no log of cell " + cell));
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, int seconds, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                fail("waited " + seconds + " s for " + what);
            }
            Thread.sleep(2000);
        }
    }

    private static String exec(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
