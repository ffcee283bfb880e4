package org.pixeldistill.ui.common;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.util.Texts;

/**
 * A task runner with a fixed number of daemon threads: tasks beyond them wait in line instead of
 * each getting a thread of its own (a burst of inspections used to start as many threads, all
 * competing for the laptop's two cores). Idle threads end after a while; daemon threads never keep
 * the application from exiting.
 */
public final class BoundedTaskRunner implements TaskRunner {
    private static final long IDLE_SECONDS = 30;

    private final String prefix;
    private final ThreadPoolExecutor pool;
    private final TaskRunner longLane;
    private final AtomicInteger threadsMade = new AtomicInteger();

    /** {@code threads} threads named {@code prefix-N}; long work shares them. */
    public BoundedTaskRunner(String prefix, int threads) {
        this(prefix, threads, null);
    }

    private BoundedTaskRunner(String prefix, int threads, TaskRunner longLane) {
        if (threads < 1) {
            throw new IllegalArgumentException("a runner needs at least one thread, not " + threads);
        }
        this.prefix = prefix;
        this.pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), this::newThread);
        pool.allowCoreThreadTimeOut(true);
        this.longLane = longLane == null ? this : longLane;
    }

    /**
     * The workbench's runner: two threads for inspections, loading and cost readouts (one per core),
     * and a single lane apart for training, so a run never starves the other views nor they it.
     */
    public static BoundedTaskRunner workbench() {
        return new BoundedTaskRunner("pixeldistill-ui", 2, new BoundedTaskRunner("pixeldistill-training", 1));
    }

    @Override
    public void start(String name, Runnable work) {
        pool.execute(() -> {
            Thread me = Thread.currentThread();
            String threadName = me.getName();
            me.setName(threadName + " " + name); // a thread dump says what each thread is doing
            try {
                work.run();
            } catch (RuntimeException e) {
                // BackgroundWork reports its own failures; a bare task's failure must not end the thread silently
                System.err.println("background task '" + name + "' failed: " + Texts.oneLine(e));
            } finally {
                me.setName(threadName);
            }
        });
    }

    @Override
    public TaskRunner longLane() {
        return longLane;
    }

    /** The most threads that were ever alive at once. */
    public int largestPoolSize() {
        return pool.getLargestPoolSize();
    }

    private Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + threadsMade.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
