package org.pixeldistill.core.loop;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asked for by the user (GUI Stop, Ctrl-C); the loop checks it between batches. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new RunCancelledException();
        }
    }
}
