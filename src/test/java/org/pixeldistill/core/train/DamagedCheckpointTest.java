package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.DamagedCheckpointException;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunEvaluation;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;

/** A damaged checkpoint is named; resume falls back to the last whole one and says so; eval refuses it by name. */
class DamagedCheckpointTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();

    /** A 3-epoch tiny run stopped after its second epoch: last.params and best.params exist. */
    private RunFolder stoppedRun() {
        Path file = TinyRuns.write(dir, "c.yaml", "name: damaged\n" + TinyRuns.data(128, 40) + TinyRuns.model(7)
                + TinyRuns.train(3));
        Cancellation cancel = new Cancellation();
        TrainingListener stopAfterSecondEpoch = new TrainingListener() {
            @Override
            public void onEpoch(MetricsRow row) {
                if (row.epoch() == 1) {
                    cancel.cancel();
                }
            }
        };
        Path runs = dir.resolve("runs");
        assertThrows(RunCancelledException.class,
                () -> new RunPipeline(runs, stopAfterSecondEpoch, cancel).train(TinyRuns.load(file)));
        try (var list = Files.list(runs)) {
            return RunFolder.open(list.findFirst().orElseThrow());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private RunFolder resume(RunFolder run) {
        TrainingListener log = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        return new RunPipeline(dir.resolve("runs"), log, new Cancellation()).resume(run.dir());
    }

    private static void cut(Path file, int keep) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, keep));
    }

    private String said() {
        return String.join("\n", messages);
    }

    @Test
    void aTruncatedLastParamsIsNamedAndTheRunContinuesFromBestParams() throws IOException {
        RunFolder run = stoppedRun();
        Path ckpt = run.checkpointDir(Stage.MODEL, 0);
        cut(ckpt.resolve("last.params"), 1000);

        RunFolder resumed = resume(run);
        assertEquals("finished", resumed.readSummary().orElseThrow().status());
        assertTrue(said().contains(ckpt.resolve("last.params") + " is damaged (truncated"), said());
        assertTrue(said().contains("continuing from best.params"), said());
        String log = Files.readString(ckpt.resolve("recovery.log"));
        assertTrue(log.contains("last.params is damaged") && log.contains("continuing from best.params"), log);
        assertTrue(Files.isRegularFile(ckpt.resolve("last.params.damaged")), "kept for a look");
        List<Integer> epochs = resumed.metrics().rows().stream().map(MetricsRow::epoch).toList();
        assertEquals(3, epochs.size(), "each epoch recorded once: " + epochs);
        assertEquals(List.of(0, 1, 2), epochs.stream().sorted().toList());
    }

    @Test
    void aCorruptLastOptimKeepsTheWeightsAndRestartsTheMomentum() throws IOException {
        RunFolder run = stoppedRun();
        Path optim = run.checkpointDir(Stage.MODEL, 0).resolve("last.optim");
        byte[] all = Files.readAllBytes(optim);
        all[all.length / 2] ^= 0x40;
        Files.write(optim, all);

        RunFolder resumed = resume(run);
        assertEquals("finished", resumed.readSummary().orElseThrow().status());
        assertTrue(said().contains("last.optim is damaged (checksum mismatch"), said());
        assertTrue(said().contains("momentum from zero") && said().contains("resumed after epoch 2"), said());
        assertEquals(List.of(0, 1, 2), resumed.metrics().rows().stream().map(MetricsRow::epoch).toList());
    }

    @Test
    void anOldUnsealedLastParamsThatFailsToLoadFallsBackToo() throws IOException {
        RunFolder run = stoppedRun();
        Path last = run.checkpointDir(Stage.MODEL, 0).resolve("last.params");
        // as written before checkpoints were sealed: the bare DJL stream, here cut short
        byte[] sealed = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOfRange(sealed, 8, sealed.length / 2));

        RunFolder resumed = resume(run);
        assertEquals("finished", resumed.readSummary().orElseThrow().status());
        assertTrue(said().contains(last + " cannot be loaded") && !said().contains(": null"), said());
        assertTrue(said().contains("continuing from best.params"), said());
    }

    @Test
    void withBothParamsDamagedTheStageStartsAgain() throws IOException {
        RunFolder run = stoppedRun();
        Path ckpt = run.checkpointDir(Stage.MODEL, 0);
        cut(ckpt.resolve("last.params"), 500);
        cut(ckpt.resolve("best.params"), 0);

        RunFolder resumed = resume(run);
        assertEquals("finished", resumed.readSummary().orElseThrow().status());
        assertTrue(said().contains("best.params is damaged (empty"), said());
        assertTrue(said().contains("starts again from epoch 1"), said());
        assertEquals(List.of(0, 1, 2), resumed.metrics().rows().stream().map(MetricsRow::epoch).toList());
    }

    @Test
    void evalOfADamagedCheckpointNamesItAndTheWholeOneBesideIt() throws IOException {
        RunFolder run = stoppedRun();
        Path best = run.checkpointDir(Stage.MODEL, 0).resolve("best.params");
        cut(best, 2000);
        DamagedCheckpointException e = assertThrows(DamagedCheckpointException.class,
                () -> RunEvaluation.evaluate(run, "best"));
        assertTrue(e.getMessage().contains(best + " is damaged (truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("--checkpoint last"), e.getMessage());
        assertEquals(best, e.file());
    }
}
