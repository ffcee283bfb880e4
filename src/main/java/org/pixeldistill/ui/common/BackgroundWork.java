package org.pixeldistill.ui.common;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one way view-models run work in the background: the work runs on a {@link TaskRunner}, and
 * its result, or what it threw, is handed to the view-model on the {@link UiThread}. With
 * {@link TaskRunner#DIRECT} and {@link UiThread#DIRECT} everything happens before submit returns,
 * which is how view-model tests run it without a toolkit. For requests where only the newest
 * counts (which image, which run, which what-if) use {@link #latest}.
 */
public final class BackgroundWork {
    private final TaskRunner runner;
    private final UiThread ui;

    public BackgroundWork(TaskRunner runner, UiThread ui) {
        this.runner = runner;
        this.ui = ui;
    }

    /** The same delivery for long work (training), on the runner's {@link TaskRunner#longLane}. */
    public BackgroundWork longLane() {
        return new BackgroundWork(runner.longLane(), ui);
    }

    /** Whether work runs on the caller's thread (tests) rather than a thread of the runner's. */
    public boolean onCallingThread() {
        return runner == TaskRunner.DIRECT;
    }

    /** The UI thread results are delivered on, for progress the work posts along the way. */
    public UiThread ui() {
        return ui;
    }

    /**
     * Runs {@code work} off the UI thread, then {@code onResult} with what it returned, or
     * {@code onFailure} with what it threw (anything: an engine's native error must still reach
     * the status line rather than die silently with its thread), on the UI thread.
     */
    public <T> void submit(String name, Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        submit(name, work, onResult, onFailure, () -> true);
    }

    /** A request where each submit supersedes the ones before it. */
    public LatestRequest latest(String name) {
        return new LatestRequest(this, name);
    }

    /** As the public submit; {@code wanted} is asked before the work starts and again before delivery. */
    <T> void submit(String name, Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure,
            BooleanSupplier wanted) {
        runner.start(name, () -> {
            if (!wanted.getAsBoolean()) {
                return; // superseded while it waited in line: not worth the CPU
            }
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                ui.run(() -> {
                    if (wanted.getAsBoolean()) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            ui.run(() -> {
                if (wanted.getAsBoolean()) {
                    onResult.accept(result);
                }
            });
        });
    }
}
