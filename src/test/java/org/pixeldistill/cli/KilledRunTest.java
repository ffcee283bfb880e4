package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;

/** A training JVM killed with SIGKILL after an epoch leaves readable records, and the run resumes. */
class KilledRunTest {
    @TempDir
    Path dir;

    @Test
    void killedRunKeepsItsRecordsAndResumes() throws Exception {
        Path runs = dir.resolve("runs");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train",
                "--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--out", runs.toString(),
                "--set", "train.epochs=4", "--set", "data.train_limit=400", "--set", "data.test_limit=100",
                "--set", "name=killed")
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        boolean sawEpoch = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("model seed 0  epoch 1  loss")) {
                    sawEpoch = true;
                    p.destroyForcibly();
                    break;
                }
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        assertTrue(sawEpoch, "the child trained one epoch before it was killed");

        Path runDir;
        try (var list = Files.list(runs)) {
            runDir = list.findFirst().orElseThrow();
        }
        RunFolder killed = RunFolder.open(runDir);
        assertEquals("running", killed.readSummary().orElseThrow().status(), "killed, so never marked finished");
        int done = new Checkpoint(killed.checkpointDir(Stage.MODEL, 0)).state().orElseThrow().epochsDone();
        assertTrue(done >= 1 && done < 4, "epochs saved: " + done);
        assertTrue(killed.metrics().rows().size() >= done);

        RunFolder resumed = new RunPipeline(runs, new TrainingListener() {}, new Cancellation()).resume(runDir);
        assertEquals("finished", resumed.readSummary().orElseThrow().status());
        List<Integer> epochs = resumed.metrics().rows().stream().map(MetricsRow::epoch).toList();
        assertEquals(List.of(0, 1, 2, 3), epochs);
    }
}
