package org.pixeldistill.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pixeldistill.core.loop.Cancellation;

/**
 * Ctrl-C (SIGINT/SIGTERM) asks the running training to stop at the next batch and waits for it to
 * write its records, so the summary says "cancelled" and the last completed epoch is resumable.
 */
final class CancelOnShutdown implements AutoCloseable {
    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(() -> {
        cancellation.cancel();
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    });

    CancelOnShutdown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook is running and has just been released
        }
    }
}
