package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop a training JVM at the next step: exit code 3, one "stopped:"
 * line naming the folder to resume, summary.json "cancelled"; also during the first epoch, during
 * the teacher's training, and when the signal reaches only the JVM that relaunched the training.
 */
class StopSignalTest {
    private static final int SIGINT = 2;

    @TempDir
    Path dir;

    private String[] train(String config, String... sets) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--config", config, "--out",
                dir.resolve("runs").toString(), "--set", "data.test_limit=100"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return args.toArray(String[]::new);
    }

    /** The stderr of a stopped run: exactly one line, naming {@code runDir} for --resume. */
    private static void assertStoppedLine(String err, Path runDir) {
        String line = err.strip();
        assertEquals(1, line.lines().count(), err);
        assertTrue(line.startsWith("stopped: ") && line.endsWith("train --resume " + runDir), err);
    }

    private Path onlyRun() throws Exception {
        try (var runs = Files.list(dir.resolve("runs"))) {
            return runs.filter(p -> !p.getFileName().toString().equals("teachers")).findFirst().orElseThrow();
        }
    }

    @Test
    void ctrlCInTheFirstEpochStopsWithCode3AndTheRunResumes() throws Exception {
        assumeFalse(ForkedRun.ignored(SIGINT), "this JVM was started with SIGINT ignored, and so are its children");
        try (ForkedRun run = ForkedRun.start(dir, false, train("sample-configs/demo-fashion-mnist-baseline.yaml",
                "train.epochs=2", "data.train_limit=6000", "name=ctrl-c"))) {
            assertTrue(run.awaitLine(l -> l.startsWith("== model, seed 0")), run.out());
            run.signal("INT");
            assertEquals(3, run.exitCode(), run.out() + run.err());
            Path runDir = onlyRun();
            assertStoppedLine(run.err(), runDir);
            RunFolder folder = RunFolder.open(runDir);
            assertEquals("cancelled", folder.readSummary().orElseThrow().status());
            assertEquals(List.of(), folder.metrics().rows(), "stopped inside the first epoch: nothing recorded");

            CliRun resumed = CliRun.of("train", "--resume", runDir.toString());
            assertEquals(0, resumed.code(), resumed.err());
            assertEquals("finished", RunFolder.open(runDir).readSummary().orElseThrow().status());
            assertEquals(List.of(0, 1), RunFolder.open(runDir).metrics().rows().stream().map(MetricsRow::epoch).toList());
        }
    }

    @Test
    void sigtermToTheRelaunchingJvmStopsTheTeacherStageWithCode3() throws Exception {
        try (ForkedRun run = ForkedRun.start(dir, true, train("sample-configs/demo-fashion-mnist-kd.yaml",
                "train.epochs=1", "data.train_limit=6000", "teacher.set=[train.epochs=2]", "name=term"))) {
            assertTrue(run.awaitLine(l -> l.startsWith("== teacher, seed 0")), run.out());
            run.signal("TERM");
            assertEquals(3, run.exitCode(), run.out() + run.err());
            Path runDir = onlyRun();
            assertStoppedLine(run.err(), runDir);
            assertEquals("cancelled", RunFolder.open(runDir).readSummary().orElseThrow().status());
            Path teacher;
            try (var teachers = Files.list(dir.resolve("runs/teachers"))) {
                teacher = teachers.findFirst().orElseThrow();
            }
            assertEquals("cancelled", RunFolder.open(teacher).readSummary().orElseThrow().status());
        }
    }
}
