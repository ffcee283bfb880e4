package org.pixeldistill.ui.common;

/**
 * Runs long work (training, cost measurement, loading runs) off the JavaFX thread so the window
 * never freezes. The GUI uses {@link #BACKGROUND}; view-model tests use {@link #DIRECT} so that
 * the work has finished when start returns.
 */
@FunctionalInterface
public interface TaskRunner {
    void start(String name, Runnable work);

    /** A daemon thread per task. */
    TaskRunner BACKGROUND = (name, work) -> {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    };

    /** On the calling thread (tests). */
    TaskRunner DIRECT = (name, work) -> work.run();
}
