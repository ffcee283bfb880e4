package org.pixeldistill.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/** The workbench shows a failed run's line word for word as its summary.json (and the CLI) says it. */
class FailureLineInWorkbenchTest {
    @TempDir
    Path runs;

    @Test
    void anUnwritableRecordFailsWithTheSummarysLine() throws Exception {
        Cancellation cancel = new Cancellation();
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpoch(MetricsRow row) {
                cancel.cancel();
            }
        };
        try {
            new RunPipeline(runs, stopAfterFirstEpoch, cancel).train(ConfigLoader.load(
                    Path.of("sample-configs/demo-fashion-mnist-baseline.yaml"),
                    List.of("train.epochs=2", "data.train_limit=40", "data.test_limit=20", "train.batch_size=8")));
        } catch (RunCancelledException expected) {
            // one epoch saved
        }
        Path run;
        try (var all = Files.list(runs)) {
            run = all.findFirst().orElseThrow();
        }
        // metrics.csv made a folder: no write to it can succeed (also as root); a damaged checkpoint
        // would not do here, since resume falls back from it (CheckpointRecovery)
        Path metrics = run.resolve("metrics.csv");
        Files.delete(metrics);
        Files.createDirectories(metrics.resolve("blocker"));

        TrainingViewModel vm = new TrainingViewModel(runs, TaskRunner.DIRECT, UiThread.DIRECT);
        vm.resume(run);
        TrainingViewModel.Failure failure = vm.failureProperty().get();
        assertNotNull(failure);
        String summary = RunFolder.open(run).readSummary().orElseThrow().message();
        assertEquals(summary, failure.message());
        assertTrue(failure.message().contains(metrics.toString()), failure.message());
    }
}
