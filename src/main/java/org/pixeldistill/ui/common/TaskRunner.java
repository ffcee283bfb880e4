package org.pixeldistill.ui.common;

/**
 * Runs long work (training, cost measurement, loading runs) off the JavaFX thread so the window
 * never freezes. The GUI uses {@link #BACKGROUND}, a bounded pool; view-model tests use
 * {@link #DIRECT} so that the work has finished when start returns. View-models rarely call this
 * directly: {@link BackgroundWork} adds delivery of results and failures on the UI thread.
 */
@FunctionalInterface
public interface TaskRunner {
    void start(String name, Runnable work);

    /**
     * Where work that takes minutes (a training run) goes, so that it never holds up the short
     * tasks of the other views. This runner itself unless it keeps a lane apart.
     */
    default TaskRunner longLane() {
        return this;
    }

    /** Two daemon threads for short tasks, and one more of its own for training. */
    TaskRunner BACKGROUND = BoundedTaskRunner.workbench();

    /** On the calling thread (tests). */
    TaskRunner DIRECT = (name, work) -> work.run();
}
