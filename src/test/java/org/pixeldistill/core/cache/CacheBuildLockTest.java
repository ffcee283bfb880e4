package org.pixeldistill.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.GradMode;

/** Two runs that need the same unrecorded cache at once: one records it, the other waits and reuses it. */
class CacheBuildLockTest {
    @TempDir
    Path dir;

    /** Keeps messages from any thread. */
    static final class Heard implements CacheListener {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }

        long count(String part) {
            return messages.stream().filter(m -> m.contains(part)).count();
        }
    }

    @Test
    void theSecondRunWaitsForTheFirstsRecordingInsteadOfRecordingItToo() throws Exception {
        try (CacheFixture fx = new CacheFixture(40)) {
            Heard first = new Heard();
            Heard second = new Heard();
            CountDownLatch firstRecording = new CountDownLatch(1);
            CompletableFuture<TeacherCache> a = CompletableFuture.supplyAsync(() -> {
                GradMode.offOnThisThread();
                return TeacherCache.openOrBuild(dir, fx.build(2), first, () -> {
                    // checked before each teacher batch: hold the first batch until the second run waits
                    firstRecording.countDown();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (second.count("waiting for") == 0 && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return false;
                });
            });
            assertTrue(firstRecording.await(60, TimeUnit.SECONDS), "the first run started recording");
            CompletableFuture<TeacherCache> b = CompletableFuture.supplyAsync(() -> {
                GradMode.offOnThisThread();
                return TeacherCache.openOrBuild(dir, fx.build(2), second, () -> false);
            });
            TeacherCache built = a.get(120, TimeUnit.SECONDS);
            TeacherCache reused = b.get(120, TimeUnit.SECONDS);

            Path file = TeacherCache.fileFor(dir, fx.key(2, 0));
            assertEquals(1, first.count("teacher cache ready"), first.messages.toString());
            assertEquals(List.of("waiting for " + file + ", being built by another run in this process",
                    "teacher cache reused: " + reused.describe()), second.messages);
            assertEquals(0, second.count("recorded"), "recorded once, by the first");
            assertEquals(built.file(), reused.file());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(reused.file()));
        }
    }
}
