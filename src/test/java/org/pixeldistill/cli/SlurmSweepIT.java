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
 * and two cell arrays. One cell is requeued mid-run (scontrol requeue: SIGTERM, then back to the
 * queue) and must resume from its last completed epoch. Skips itself when no Slurm controller
 * answers, unless PDW_REQUIRE_SLURM=1 (CI), where that is a failure.
 */
class SlurmSweepIT {
    private static final Path JAR = Path.of("target/pixel-distillation-workbench.jar");
    private static final int EPOCHS = 4;

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
    void tinySweepRunsAsJobsAndARequeuedCellResumes() throws Exception {
        long start = System.nanoTime();
        Path out = Files.createDirectories(Path.of("target/slurm-it")).resolve("run-" + System.currentTimeMillis());
        String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CliRun submitted = CliRun.of("sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--ratios", "2,4",
                "--methods", "baseline,kd", "--seeds", "1", "--out", out.toString(),
                "--set", "train.epochs=" + EPOCHS, "--set", "data.train_limit=1500", "--set", "data.test_limit=200",
                "--set", "teacher.set=[train.epochs=1]", "--set", "distill.cache_views=1", "--threads", "1",
                "--executor", "slurm", "--java", javaCmd + " -Xmx1g", "--jar", JAR.toAbsolutePath().toString(),
                "--max-running", "2", "--time", "00:15:00", "--requeue");
        assertEquals(0, submitted.code(), submitted.out() + submitted.err());
        Path sweepDir = out.toAbsolutePath().resolve("sweeps/demo-fmnist-kd");
        assertTrue(submitted.out().contains("submitted teacher-1"), submitted.out());
        assertTrue(submitted.out().contains("submitted cache-1"), submitted.out());
        SlurmPlanFile.Jobs jobs = SlurmPlanFile.Jobs.read(sweepDir);
        assertEquals(4, jobs.cells().size(), jobs.toString());

        // cell 0 (r2 baseline) waits for nothing: requeue it once it has a saved epoch
        String cell0 = jobs.cells().get(0);
        Path cell0Dir = Path.of(SlurmPlanFile.read(sweepDir).cell(0).folder());
        waitFor(() -> epochsDone(cell0Dir) >= 1, 600, "cell 0's first epoch");
        assertTrue(epochsDone(cell0Dir) < EPOCHS, "cell 0 finished before it could be requeued; make it longer");
        exec(List.of("scontrol", "requeue", cell0));
        waitFor(() -> status(sweepDir).stream().allMatch(l -> l.state().equals(SweepStatus.FINISHED)
                || l.state().equals("ended") || l.state().equals(SweepStatus.FAILED)), 900, "every job to end");

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
        System.out.printf("SlurmSweepIT: 4 cells + teacher + cache through sbatch, one requeued, in %.0f s%n%s",
                (System.nanoTime() - start) / 1e9, table);
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
