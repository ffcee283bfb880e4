package org.pixeldistill.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delivery and "latest wins", with a runner that holds tasks until the test lets them run, and a UI
 * thread that queues actions the same way: so the interleavings are the test's choice, not luck.
 */
class BackgroundWorkTest {
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final BackgroundWork work = new BackgroundWork((name, task) -> tasks.add(task), uiQueue::add);
    private final List<String> delivered = new ArrayList<>();

    @Test
    void resultsAndFailuresArriveOnTheUiThreadOnly() {
        work.submit("ok", () -> "42", r -> delivered.add("result " + r), e -> delivered.add("failed"));
        work.<String>submit("bad", () -> {
            throw new IllegalStateException("disk full\nat line 2");
        }, r -> delivered.add("result"), e -> delivered.add("failed: " + e.getMessage().lines().findFirst().get()));
        runTasks();
        assertEquals(List.of(), delivered, "nothing is delivered off the UI thread");
        runUi();
        assertEquals(List.of("result 42", "failed: disk full"), delivered);
    }

    @Test
    void errorsBeyondExceptionsAreDeliveredToo() {
        work.<String>submit("native", () -> {
            throw new UnsatisfiedLinkError("no libtorch");
        }, r -> delivered.add("result"), e -> delivered.add(e.getClass().getSimpleName()));
        runTasks();
        runUi();
        assertEquals(List.of("UnsatisfiedLinkError"), delivered);
    }

    @Test
    void aLaterRequestMakesAnEarlierResultStale() {
        LatestRequest latest = work.latest("inspect");
        latest.submit(() -> "image 1", delivered::add, e -> delivered.add("failed"));
        tasks.poll().run(); // image 1 is computed ...
        latest.submit(() -> "image 2", delivered::add, e -> delivered.add("failed"));
        runTasks();
        runUi(); // ... but the user has moved on: only image 2 is shown
        assertEquals(List.of("image 2"), delivered);
        assertFalse(latest.busyProperty().get());
    }

    @Test
    void staleWorkThatHasNotStartedIsSkippedAndStaleFailuresDropped() {
        LatestRequest latest = work.latest("open");
        List<String> ran = new ArrayList<>();
        latest.<String>submit(() -> {
            ran.add("first");
            throw new IllegalStateException("first failed");
        }, delivered::add, e -> delivered.add("failed"));
        tasks.poll().run();
        latest.submit(() -> {
            ran.add("second");
            return "second";
        }, delivered::add, e -> delivered.add("failed"));
        latest.submit(() -> {
            ran.add("third");
            return "third";
        }, delivered::add, e -> delivered.add("failed"));
        runTasks();
        runUi();
        assertEquals(List.of("first", "third"), ran, "the second was superseded before it began");
        assertEquals(List.of("third"), delivered);
    }

    @Test
    void partialResultsOfAStaleRequestNeverReachTheUi() {
        LatestRequest latest = work.latest("load runs");
        latest.submitWithUpdates(updates -> {
            updates.post(() -> delivered.add("old rows"));
            return "old summary";
        }, delivered::add, e -> delivered.add("failed"));
        tasks.poll().run(); // the old refresh has posted its rows ...
        latest.submitWithUpdates(updates -> {
            updates.post(() -> delivered.add("new rows"));
            return "new summary";
        }, delivered::add, e -> delivered.add("failed"));
        runTasks();
        runUi(); // ... but a newer refresh started before the UI thread got to them
        assertEquals(List.of("new rows", "new summary"), delivered);
    }

    @Test
    void busyUntilTheLatestIsDeliveredOrCancelled() {
        LatestRequest latest = work.latest("open");
        latest.submit(() -> "a", delivered::add, e -> {});
        assertTrue(latest.busyProperty().get());
        runTasks();
        assertTrue(latest.busyProperty().get(), "computed but not yet shown");
        runUi();
        assertFalse(latest.busyProperty().get());
        latest.submit(() -> "b", delivered::add, e -> {});
        latest.cancel();
        assertFalse(latest.busyProperty().get());
        runTasks();
        runUi();
        assertEquals(List.of("a"), delivered, "a cancelled request delivers nothing");
    }

    @Test
    void directRunsEverythingBeforeSubmitReturns() {
        BackgroundWork direct = new BackgroundWork(TaskRunner.DIRECT, UiThread.DIRECT);
        direct.submit("x", () -> "done", delivered::add, e -> {});
        direct.latest("y").submit(() -> "latest", delivered::add, e -> {});
        assertEquals(List.of("done", "latest"), delivered);
        assertTrue(direct.onCallingThread());
    }

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    private void runUi() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }
}
