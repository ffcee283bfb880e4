package org.pixeldistill.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pixeldistill.core.loop.Cancellation;

/**
 * Ctrl-C (SIGINT) and SIGTERM ask the running training to stop at the next batch: it writes its
 * records (the summary says "cancelled", the last completed epoch is resumable), the command
 * prints one "stopped:" line and exits with 3. A second signal two seconds or more after the
 * first stops at once (whatever hangs, the files on disk are whole: every write is atomic); one
 * sooner is the same Ctrl-C arriving twice (from the terminal and forwarded by the parent JVM).
 * Where signals cannot be handled, a shutdown hook still waits for the records to be written.
 */
final class CancelOnShutdown implements AutoCloseable {
    static final int STOPPED = 3;
    private static final long HARD_STOP_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong firstSignal = new AtomicLong();
    private final StopSignals signals = new StopSignals(this::onSignal);
    private final Thread hook = new Thread(() -> {
        cancellation.cancel();
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    });

    CancelOnShutdown() {
        if (!signals.installed()) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    Cancellation cancellation() {
        return cancellation;
    }

    private void onSignal() {
        long now = System.nanoTime();
        if (firstSignal.compareAndSet(0, now)) {
            // on the progress stream: stderr keeps only the one line the run ends with
            System.out.println("stopping after the current step (again to stop at once)...");
            cancellation.cancel();
        } else if (now - firstSignal.get() >= HARD_STOP_AFTER_NANOS) {
            System.err.println("stopped at once; the last completed epoch is saved, --resume continues");
            Runtime.getRuntime().halt(STOPPED);
        }
    }

    @Override
    public void close() {
        done.countDown();
        signals.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException notAddedOrShuttingDown) {
            // never added (signals handled), or the JVM is stopping and the hook has just been released
        }
    }
}
