package org.pixeldistill.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedTaskRunnerTest {
    @Test
    void neverRunsMoreTasksAtOnceThanItHasThreads() throws Exception {
        BoundedTaskRunner runner = new BoundedTaskRunner("test", 2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            runner.start("task " + i, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread());
                sleep(5);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS), "all 20 tasks ran");
        assertEquals(2, most.get(), "two at a time, not twenty");
        assertEquals(2, threads.size());
        assertEquals(2, runner.largestPoolSize());
        assertTrue(threads.stream().allMatch(Thread::isDaemon), "daemon threads never keep the app alive");
    }

    @Test
    void longWorkHasALaneOfItsOwn() throws Exception {
        BoundedTaskRunner runner = BoundedTaskRunner.workbench();
        assertNotSame(runner, runner.longLane());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch shortDone = new CountDownLatch(3);
        runner.longLane().start("training", () -> await(release)); // a run that takes "forever"
        for (int i = 0; i < 3; i++) {
            runner.start("inspect", shortDone::countDown);
        }
        assertTrue(shortDone.await(10, TimeUnit.SECONDS), "inspections do not wait behind a training run");
        release.countDown();
    }

    @Test
    void aFailingTaskDoesNotCostTheRunnerItsThread() throws Exception {
        BoundedTaskRunner runner = new BoundedTaskRunner("test", 1);
        CountDownLatch after = new CountDownLatch(1);
        runner.start("fails", () -> {
            throw new IllegalStateException("boom");
        });
        runner.start("after", after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertEquals(1, runner.largestPoolSize());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
