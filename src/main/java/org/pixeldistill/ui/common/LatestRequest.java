package org.pixeldistill.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Background requests where the latest wins: each {@link #submit} makes the earlier ones stale, so
 * an image the user has already stepped past, or a run no longer chosen, never overwrites what is
 * shown. Stale work not yet started is skipped; stale results and failures are dropped. Busy from
 * a submit until the latest request is delivered or {@link #cancel cancelled}.
 *
 * <p>Submit and cancel on the UI thread.
 */
public final class LatestRequest {
    private final BackgroundWork work;
    private final String name;
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    LatestRequest(BackgroundWork work, String name) {
        this.work = work;
        this.name = name;
    }

    /** Runs {@code job} in the background; its outcome reaches the UI thread only if no later request came. */
    public <T> void submit(Callable<T> job, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        long mine = generation.incrementAndGet();
        busy.set(true);
        work.submit(name, job, result -> {
            busy.set(false);
            onResult.accept(result);
        }, failure -> {
            busy.set(false);
            onFailure.accept(failure);
        }, () -> mine == generation.get());
    }

    /**
     * As {@link #submit}, for work that shows partial results on the way (rows first, their costs
     * one by one): what the job posts through its {@link Updates} reaches the UI thread only while
     * the request is still the latest, so a later refresh is never overwritten by an earlier one.
     */
    public <T> void submitWithUpdates(Function<Updates, T> job, Consumer<? super T> onResult,
            Consumer<Throwable> onFailure) {
        long mine = generation.get() + 1;
        Updates updates = change -> work.ui().run(() -> {
            if (mine == generation.get()) {
                change.run();
            }
        });
        submit(() -> job.apply(updates), onResult, onFailure);
    }

    /** Partial results of a request, posted from its background thread. */
    @FunctionalInterface
    public interface Updates {
        /** Runs {@code change} on the UI thread, unless a later request has come meanwhile. */
        void post(Runnable change);
    }

    /** Makes every request so far stale (the choice it was for is gone). */
    public void cancel() {
        generation.incrementAndGet();
        busy.set(false);
    }

    /** True while the latest request is running or waiting for a thread. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
