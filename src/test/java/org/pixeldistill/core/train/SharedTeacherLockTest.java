package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;

/** Two runs needing the same untrained teacher at once: one trains it, the other waits and reuses it. */
class SharedTeacherLockTest {
    @TempDir
    Path dir;

    @Test
    void theTeacherIsTrainedOnceWhileTheOtherRunWaits() throws Exception {
        TinyRuns.write(dir, "teacher.yaml", "name: tiny-teacher\n" + TinyRuns.data(200, 60) + TinyRuns.model(14)
                + TinyRuns.train(1));
        Path student = TinyRuns.write(dir, "kd.yaml", "name: kd\nteacher:\n  config: teacher.yaml\n"
                + TinyRuns.data(200, 60) + TinyRuns.model(7) + "distill:\n  kd: {}\n  teacher_cache: off\n"
                + TinyRuns.train(1));
        Path runs = dir.resolve("runs");
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        CountDownLatch teacherTraining = new CountDownLatch(1);
        TrainingListener a = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                first.add(message);
            }

            @Override
            public void onBatch(BatchProgress progress) {
                if (progress.stage() == Stage.TEACHER && progress.batch() == 1) {
                    // hold the teacher's first batch until the other run is waiting for it
                    teacherTraining.countDown();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (second.stream().noneMatch(m -> m.startsWith("waiting for")) && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
            }
        };
        // one JVM trains one network at a time (DJL's gradient collector is global), so the second
        // run stops as soon as it has the teacher: what is tested is that it waited and reused it
        Cancellation stopB = new Cancellation();
        TrainingListener b = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                second.add(message);
                if (message.contains("reused from") || message.contains("not trained yet")) {
                    stopB.cancel();
                }
            }
        };
        CompletableFuture<RunFolder> runA = CompletableFuture.supplyAsync(
                () -> new RunPipeline(runs, a, new Cancellation()).train(TinyRuns.load(student, "name=kd-a")));
        assertTrue(teacherTraining.await(120, TimeUnit.SECONDS), "the first run trains the teacher");
        CompletableFuture<RunFolder> runB = CompletableFuture.supplyAsync(
                () -> new RunPipeline(runs, b, stopB).train(TinyRuns.load(student, "name=kd-b")));
        RunFolder doneA = runA.get(300, TimeUnit.SECONDS);
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> runB.get(300, TimeUnit.SECONDS));
        assertTrue(stopped.getCause() instanceof RunCancelledException, stopped.toString());

        assertEquals("finished", doneA.readSummary().orElseThrow().status());
        assertTrue(first.stream().anyMatch(m -> m.contains("not trained yet: training it first")), first.toString());
        assertTrue(second.stream().anyMatch(m -> m.startsWith("waiting for " + runs.resolve("teachers"))
                && m.endsWith("being built by another run in this process")), second.toString());
        assertTrue(second.stream().anyMatch(m -> m.contains("trained meanwhile by another run")), second.toString());
        assertFalse(second.stream().anyMatch(m -> m.contains("not trained yet")), "trained once: " + second);
    }
}
