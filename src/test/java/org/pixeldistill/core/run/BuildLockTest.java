package org.pixeldistill.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLockTest {
    @TempDir Path dir;

    @Test
    void aSecondThreadWaitsUntilTheFirstIsDone() throws Exception {
        Path item = dir.resolve("cache.pdtc");
        List<String> said = new CopyOnWriteArrayList<>();
        AtomicBoolean firstDone = new AtomicBoolean();
        CompletableFuture<Boolean> second;
        try (BuildLock first = BuildLock.acquire(item, said::add, () -> {})) {
            second = CompletableFuture.supplyAsync(() -> {
                try (BuildLock lock = BuildLock.acquire(item, said::add, () -> {})) {
                    return firstDone.get();
                }
            });
            assertThrows(TimeoutException.class, () -> second.get(600, TimeUnit.MILLISECONDS), "still waiting");
            firstDone.set(true);
        }
        assertTrue(second.get(10, TimeUnit.SECONDS), "the second got the lock only after the first let go");
        assertEquals(List.of("waiting for " + item + ", being built by another run in this process"), said);
    }

    @Test
    void theSameThreadMayTakeItAgainAndAWaiterCanGiveUp() throws Exception {
        Path item = dir.resolve("teacher");
        try (BuildLock outer = BuildLock.acquire(item, m -> {}, () -> {});
                BuildLock inner = BuildLock.acquire(item, m -> {}, () -> {})) {
            CompletableFuture<Void> cancelled = CompletableFuture.runAsync(() -> BuildLock.acquire(item, m -> {}, () -> {
                throw new IllegalStateException("cancelled");
            }));
            Exception e = assertThrows(Exception.class, () -> cancelled.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("cancelled"), e.toString());
        }
        // neither the nested hold nor the given-up wait left it taken
        CompletableFuture<Boolean> later = CompletableFuture.supplyAsync(() -> {
            try (BuildLock lock = BuildLock.acquire(item, m -> {}, () -> {})) {
                return true;
            }
        });
        assertTrue(later.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anotherProcessIsWaitedForAndItsLockGoesWhenItIsKilled() throws Exception {
        Path item = dir.resolve("views4-abc.pdtc");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BuildLockHolder.class.getName(), item.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", out.readLine());
            List<String> said = new CopyOnWriteArrayList<>();
            CompletableFuture<Boolean> mine = CompletableFuture.supplyAsync(() -> {
                // the kernel frees the lock while the killed child exits, which may be a moment
                // before isAlive() turns false: that it waited while the child lived is checked below
                try (BuildLock lock = BuildLock.acquire(item, said::add, () -> {})) {
                    return true;
                }
            });
            assertThrows(TimeoutException.class, () -> mine.get(1, TimeUnit.SECONDS), "the child holds it");
            assertEquals(List.of("waiting for " + item + ", being built by another process"), said);
            child.destroyForcibly(); // SIGKILL: the child never releases it itself
            assertTrue(mine.get(20, TimeUnit.SECONDS), "taken once the killed holder is gone");
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive());
    }
}
