package org.pixeldistill.core.cache;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs tasks 0..n-1 on background threads a few ahead of the consumer and hands back their
 * results in task order: the cache build's view makers keep the teacher busy this way.
 */
final class OrderedPrefetch<T> implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final IntFunction<T> work;
    private final int tasks;
    private final int ahead;
    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
    private int submitted;

    OrderedPrefetch(int tasks, IntFunction<T> work, int workers) {
        this.work = work;
        this.tasks = tasks;
        this.ahead = workers + 2;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pixeldistill-cache-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        while (inFlight.size() < ahead && submitNext()) {
            // fill the pipeline
        }
    }

    /** The result of the next task in order; rethrows what the task threw. */
    T next() {
        Future<T> head = inFlight.poll();
        if (head == null) {
            throw new IllegalStateException("all " + tasks + " tasks were taken");
        }
        submitNext();
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for views");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("making views failed", e.getCause());
        }
    }

    @Override
    public void close() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean submitNext() {
        if (submitted >= tasks) {
            return false;
        }
        int t = submitted++;
        inFlight.add(pool.submit(() -> work.apply(t)));
        return true;
    }
}
