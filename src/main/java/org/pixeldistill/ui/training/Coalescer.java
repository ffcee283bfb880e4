package org.pixeldistill.ui.training;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.pixeldistill.ui.common.UiThread;

/**
 * Hands the newest of a fast stream of values to the UI thread, dropping those the UI thread had
 * no time for: a tiny network trains hundreds of batches a second, and one UI post per batch
 * would flood the JavaFX queue and freeze the window.
 */
final class Coalescer<T> {
    private final UiThread ui;
    private final Consumer<T> apply;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Coalescer(UiThread ui, Consumer<T> apply) {
        this.ui = ui;
        this.apply = apply;
    }

    void post(T value) {
        latest.set(value);
        if (scheduled.compareAndSet(false, true)) {
            ui.run(() -> {
                scheduled.set(false);
                T newest = latest.getAndSet(null);
                if (newest != null) {
                    apply.accept(newest);
                }
            });
        }
    }
}
