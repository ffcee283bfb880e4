package org.pixeldistill.ui.common;

/**
 * Where view-model state changes are applied. The GUI posts to the JavaFX application thread;
 * view-model tests run everything directly, without a toolkit.
 */
@FunctionalInterface
public interface UiThread {
    void run(Runnable action);

    /** Runs at once on the calling thread (tests). */
    UiThread DIRECT = Runnable::run;
}
