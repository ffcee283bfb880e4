package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * However a run fails (before its task opens or while it trains; I/O, memory, a bug), its folder
 * gets summary.json "failed" with the very line the caller is given, and that line names the file
 * and the root cause.
 */
class RunFailureRecordsTest {
    @TempDir
    Path dir;

    private final RunConfig config = ConfigLoader.load(Path.of("sample-configs/demo-fashion-mnist-baseline.yaml"));

    private RuntimeException runWith(RunFolder folder, RunTask.Opener opener) {
        return assertThrows(RuntimeException.class,
                () -> new RunLoop(null, new TrainingListener() {}, new Cancellation()).execute(folder, config,
                        Stage.MODEL, opener));
    }

    private static RunSummary summary(RunFolder folder) {
        return folder.readSummary().orElseThrow(() -> new AssertionError("no summary.json in " + folder.dir()));
    }

    @Test
    void aDiskFullWriteNamesTheFileAndTheRootCause() {
        Path target = dir.resolve("metrics.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device");
        }));
        // the way a run meets it: wrapped once more by whoever was saving
        String line = FailureLine.of(new IllegalStateException("saving the epoch's records failed", e));
        assertEquals("saving the epoch's records failed: cannot write " + target + ": No space left on device", line);
    }

    @Test
    void outOfMemoryBeforeTheTaskOpensLeavesAFailedSummary() {
        RunFolder folder = RunFolder.create(dir, "oom");
        RuntimeException e = runWith(folder, (c, d) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertTrue(e instanceof TrainingFailedException, e.toString());
        assertTrue(e.getMessage().startsWith("out of memory (Java heap space)"), e.getMessage());
        assertTrue(e.getMessage().contains("train.batch_size"), e.getMessage());
        RunSummary s = summary(folder);
        assertEquals("failed", s.status());
        assertEquals(e.getMessage(), s.message());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anIoErrorWhileTrainingTurnsTheRunningSummaryIntoFailed() {
        RunFolder folder = RunFolder.create(dir, "io");
        Path file = folder.dir().resolve("checkpoints/model-seed-0/last.params");
        RuntimeException e = runWith(folder, (c, d) -> new FakeTask(() -> {
            assertEquals("running", summary(folder).status(), "the stage starts with the run marked running");
            throw new UncheckedIOException("cannot write " + file,
                    new IOException("java.io.IOException: No space left on device",
                            new IOException("No space left on device")));
        }));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertEquals("failed", summary(folder).status());
        assertEquals(e.getMessage(), summary(folder).message());
    }

    @Test
    void outOfMemoryWhileTrainingIsCaughtAtTheRun() {
        RunFolder folder = RunFolder.create(dir, "oom-step");
        RuntimeException e = runWith(folder, (c, d) -> new FakeTask(() -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertTrue(e.getMessage().startsWith("out of memory"), e.getMessage());
        assertEquals("failed", summary(folder).status());
        assertEquals(e.getMessage(), summary(folder).message());
    }

    @Test
    void aBugIsOneLineWithItsClassAndPlace() {
        RunFolder folder = RunFolder.create(dir, "bug");
        RuntimeException e = runWith(folder, (c, d) -> {
            throw new NullPointerException("network is null");
        });
        assertTrue(e.getMessage().matches("NullPointerException: network is null \\(at .+:\\d+\\)"), e.getMessage());
        assertEquals(e.getMessage(), summary(folder).message());
    }

    /** A task whose stage fails the way {@code failure} does. */
    private static final class FakeTask implements RunTask {
        private final Runnable failure;

        FakeTask(Runnable failure) {
            this.failure = failure;
        }

        @Override
        public Score score() {
            return Score.TOP1;
        }

        @Override
        public String dataset() {
            return "fake";
        }

        @Override
        public int trainSize() {
            return 1;
        }

        @Override
        public int testSize() {
            return 1;
        }

        @Override
        public AtomicInteger skippedImages() {
            return new AtomicInteger();
        }

        @Override
        public void openTeacher(Trained trained, TrainingListener listener, Cancellation cancel) {}

        @Override
        public StageTask stage(Stage stage, int seed) {
            failure.run();
            throw new AssertionError("the failure above throws");
        }

        @Override
        public void close() {}
    }
}
