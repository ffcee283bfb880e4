package org.pixeldistill.ui;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.ui.common.TaskRunner;

/**
 * A task runner that holds tasks until {@link #release} and then passes everything through. The
 * workbench holds the first cost readout (it loads the engine: seconds of CPU on both cores of a
 * small laptop) until the window has been painted, so the window appears about a second sooner.
 */
final class DeferredRunner implements TaskRunner {
    private final TaskRunner delegate;
    private List<Runnable> held = new ArrayList<>();

    DeferredRunner(TaskRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start(String name, Runnable work) {
        synchronized (this) {
            if (held != null) {
                held.add(() -> delegate.start(name, work));
                return;
            }
        }
        delegate.start(name, work);
    }

    /** Long work is not held: a training run only starts when the user asks, long after the first frame. */
    @Override
    public TaskRunner longLane() {
        return delegate.longLane();
    }

    /** Starts the held tasks in order; later ones start at once. */
    void release() {
        List<Runnable> tasks;
        synchronized (this) {
            tasks = held;
            held = null;
        }
        if (tasks != null) {
            tasks.forEach(Runnable::run);
        }
    }
}
