package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.sweep.slurm.SlurmClient;
import org.pixeldistill.core.sweep.slurm.SlurmPlanFile;
import org.pixeldistill.core.sweep.slurm.SlurmSweep;
import org.pixeldistill.core.sweep.slurm.SweepJobs;
import org.pixeldistill.core.sweep.slurm.SweepStatus;
import org.pixeldistill.core.sweep.slurm.BatchScripts;

/** sweep --executor slurm without a cluster: --dry-run's plan and scripts, submission order and status, with a stand-in for sbatch and squeue. */
class SlurmSweepPlanTest {
    @TempDir
    Path dir;

    private CliRun dryRun(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--config", "sample-configs/demo-fashion-mnist-tas.yaml",
                "--ratios", "2,4", "--methods", "baseline,kd,tas", "--out", dir.toString(), "--set", "train.epochs=1",
                "--set", "data.train_limit=300", "--set", "data.test_limit=100", "--executor", "slurm", "--dry-run",
                "--jar", "pom.xml", "--java", "/opt/java -Xmx2g", "--max-running", "3", "--time", "01:00:00", "--gpus", "1",
                "--partition", "gpu", "--sbatch=--qos=low", "--requeue"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void dryRunWritesThePlanAndOneScriptPerPrerequisiteAndCellGroup() throws Exception {
        CliRun r = dryRun();
        assertEquals(0, r.code(), r.out() + r.err());
        Path sweepDir = dir.toAbsolutePath().resolve("sweeps/demo-fmnist-tas");
        SlurmPlanFile plan = SlurmPlanFile.read(sweepDir);
        assertEquals(6, plan.cells().size());
        assertEquals(List.of("teacher-1", "assistant-1", "cache-1"),
                plan.prerequisites().stream().map(SweepJobs.Prerequisite::name).toList());
        assertEquals(List.of("teacher-1"), plan.prerequisite("assistant-1").after());
        // what each cell waits for: baseline nothing, kd the teacher and its cache, tas the teacher and assistant
        assertEquals(List.of(), plan.cell(0).needs());
        assertEquals(List.of("teacher-1", "cache-1"), plan.cell(1).needs());
        assertEquals(List.of("teacher-1", "assistant-1"), plan.cell(2).needs());
        // the nodes plan the same grid from the sweep's own arguments, without the executor's
        assertFalse(plan.args().contains("--executor") || plan.args().contains("--jar") || plan.args().contains("--requeue")
                || plan.args().contains("sweep") || plan.args().contains("--dry-run"), plan.args().toString());
        assertTrue(plan.args().contains("--ratios"), plan.args().toString());

        String kd = Files.readString(SlurmPlanFile.folderOf(sweepDir).resolve("cells-2.sbatch"));
        assertTrue(kd.contains("#SBATCH --array=1,4%3\n"), kd);
        assertTrue(kd.contains("#SBATCH --gres=gpu:1\n") && kd.contains("#SBATCH --partition=gpu\n")
                && kd.contains("#SBATCH --time=01:00:00\n") && kd.contains("#SBATCH --qos=low\n")
                && kd.contains("#SBATCH --requeue\n") && kd.contains("#SBATCH --signal=B:USR1@60\n"), kd);
        assertTrue(kd.contains("/opt/java -Xmx2g -jar " + Path.of("pom.xml").toAbsolutePath() + " sweep --plan " + SlurmPlanFile.fileOf(sweepDir)
                + " --cell \"$SLURM_ARRAY_TASK_ID\" &"), kd);
        assertTrue(kd.contains("scontrol requeue"), kd);
        assertTrue(Files.readString(SlurmPlanFile.folderOf(sweepDir).resolve("teacher-1.sbatch")).contains("--prepare teacher-1"));
        assertFalse(Files.exists(SlurmPlanFile.Jobs.fileOf(sweepDir)), "a dry run submits nothing");

        // a script is bash that parses
        Process bash = new ProcessBuilder("bash", "-n", SlurmPlanFile.folderOf(sweepDir).resolve("cells-2.sbatch").toString())
                .redirectErrorStream(true).start();
        assertEquals(0, bash.waitFor(), new String(bash.getInputStream().readAllBytes()));
    }

    @Test
    void maxRunningCapsEachArrayAndItsAbsenceLeavesThemUncapped() throws Exception {
        assertEquals(0, dryRun().code());
        Path scripts = SlurmPlanFile.folderOf(dir.toAbsolutePath().resolve("sweeps/demo-fmnist-tas"));
        // every array of the sweep carries the cap, not only the first
        for (String name : List.of("cells-1", "cells-2", "cells-3")) {
            String script = Files.readString(scripts.resolve(name + ".sbatch"));
            assertTrue(script.lines().anyMatch(l -> l.matches("#SBATCH --array=\\d+(,\\d+)*%3")), script);
        }

        Path other = dir.resolve("uncapped");
        CliRun r = CliRun.of("sweep", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--ratios", "2,4",
                "--methods", "baseline", "--out", other.toString(), "--set", "train.epochs=1", "--executor", "slurm",
                "--dry-run", "--jar", "pom.xml");
        assertEquals(0, r.code(), r.out() + r.err());
        String script = Files.readString(SlurmPlanFile.folderOf(other.toAbsolutePath().resolve("sweeps/demo-fmnist-kd"))
                .resolve("cells-1.sbatch"));
        assertTrue(script.contains("#SBATCH --array=0,1\n"), script);
    }

    @Test
    void submissionWaitsForPrerequisitesAndStatusReadsQueueAndRecords() throws Exception {
        assertEquals(0, dryRun().code());
        Path sweepDir = dir.toAbsolutePath().resolve("sweeps/demo-fmnist-tas");
        SlurmPlanFile plan = SlurmPlanFile.read(sweepDir);
        FakeSlurm slurm = new FakeSlurm();
        List<BatchScripts.Script> scripts = List.of(
                script(sweepDir, "teacher-1", List.of(), List.of()),
                script(sweepDir, "cache-1", List.of("teacher-1"), List.of()),
                script(sweepDir, "cells-1", List.of(), List.of(0, 3)),
                script(sweepDir, "cells-2", List.of("teacher-1", "cache-1"), List.of(1, 4)));
        SlurmPlanFile.Jobs jobs = new SlurmSweep(slurm).submit(plan, scripts, line -> {});
        assertEquals(List.of("sbatch --parsable teacher-1", "sbatch --parsable --dependency=afterok:100 cache-1",
                "sbatch --parsable cells-1", "sbatch --parsable --dependency=afterok:100:101 cells-2"), slurm.calls);
        assertEquals("103_4", jobs.cells().get(4));

        // cell 0 finished on disk, cell 3 running, cell 1 pending on its dependencies, cell 4 gone without a record
        Path cell0 = Path.of(plan.cell(0).folder());
        Files.createDirectories(cell0);
        Files.writeString(cell0.resolve("summary.json"), "{\"name\":\"x\",\"status\":\"finished\",\"best_score\":71.5}");
        slurm.queue = Map.of("102_3", new SlurmClient.QueueEntry("102_3", "RUNNING", "None"),
                "103_1", new SlurmClient.QueueEntry("103_1", "PENDING", "Dependency"));
        List<SweepStatus.Line> lines = SweepStatus.read(sweepDir, slurm.queue());
        Map<String, SweepStatus.Line> byName = new java.util.HashMap<>();
        lines.forEach(l -> byName.put(l.name(), l));
        String table = SweepStatus.format(lines);
        assertEquals(SweepStatus.FINISHED, byName.get("resnet18-r2-baseline").state(), table);
        assertEquals(71.5, byName.get("resnet18-r2-baseline").score(), 1e-9, table);
        assertEquals(SweepStatus.RUNNING, byName.get("resnet18-r4-baseline").state(), table);
        assertEquals(SweepStatus.QUEUED, byName.get("resnet18-r2-kd").state(), table);
        assertEquals("103_1", byName.get("resnet18-r2-kd").jobId(), table);
        assertEquals(SweepStatus.FAILED, byName.get("resnet18-r4-kd").state(), table);
        assertEquals(SweepStatus.NOT_SUBMITTED, byName.get("resnet18-r2-tas").state(), table);
        assertTrue(table.contains("best 71.50%"), table);

        assertEquals(List.of("102_3", "103_1"), new SlurmSweep(slurm).cancel(sweepDir));
        assertEquals("scancel 102_3 103_1", slurm.calls.get(slurm.calls.size() - 1));
    }

    private static BatchScripts.Script script(Path sweepDir, String name, List<String> after, List<Integer> cells) {
        return new BatchScripts.Script(name, Path.of(name), after, cells);
    }

    /** Answers as sbatch, squeue and scancel would, job ids from 100 on. */
    private static final class FakeSlurm extends SlurmClient {
        final List<String> calls = new java.util.ArrayList<>();
        Map<String, QueueEntry> queue = Map.of();
        int next = 100;

        @Override
        protected String run(List<String> command) {
            calls.add(String.join(" ", command));
            return switch (command.get(0)) {
                case "sbatch" -> (next++) + "\n";
                default -> "";
            };
        }

        @Override
        public Map<String, QueueEntry> queue() {
            return queue;
        }
    }
}
