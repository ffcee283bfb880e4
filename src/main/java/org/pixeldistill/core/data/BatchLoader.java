package org.pixeldistill.core.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the batches of one epoch, in order, while background threads decode and augment the
 * next few. Every batch is built by one worker from data that depends only on (seed, epoch,
 * batch), never on which thread ran it: training order is a permutation seeded by (seed, epoch)
 * and each image's augmentation draws from a Random seeded by (seed, epoch, image index). So the
 * batches are identical whatever the number of workers.
 *
 * <p>An image that does not decode is left out of its batch and counted in {@link #skipped()};
 * a batch left empty that way is not delivered. The last, partial batch is kept.
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {
    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();

    private final BatchSource source;
    private final int batchCount;
    private final int ahead;
    private final ExecutorService pool;
    private final ArrayDeque<Future<BatchSource.Built>> inFlight = new ArrayDeque<>();
    private int nextToSubmit;
    private Batch ready;
    private long waitNanos;
    private int skipped;

    public BatchLoader(ImageDataset ds, TwoViewSampler sampler, int batchSize, boolean training, long seed, int epoch, int workers) {
        this(new BatchAssembler(ds, sampler, positive(batchSize, workers), training, seed, epoch), workers);
    }

    /** Runs any batch source (the teacher cache's, say) on {@code workers} threads. */
    public BatchLoader(BatchSource source, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.source = source;
        this.batchCount = source.batchCount();
        // One batch per worker plus two ready: the consumer rarely waits, and memory stays bounded.
        this.ahead = workers + 2;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pixeldistill-data-" + THREAD_COUNTER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        while (inFlight.size() < ahead && submitNext()) {
            // fill the pipeline
        }
    }

    /** Batches this epoch will have if no image fails to decode. */
    public int batchCount() {
        return batchCount;
    }

    /** Total time the caller spent blocked in {@link #hasNext()} / {@link #next()}, waiting for data. */
    public long waitNanos() {
        return waitNanos;
    }

    /** Images left out so far because they did not decode. */
    public int skipped() {
        return skipped;
    }

    @Override
    public boolean hasNext() {
        while (ready == null && !inFlight.isEmpty()) {
            Future<BatchSource.Built> head = inFlight.poll();
            submitNext();
            BatchSource.Built built = await(head);
            skipped += built.skipped();
            if (built.batch().count() > 0) {
                ready = built.batch();
            }
        }
        return ready != null;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no batches left in this epoch");
        }
        Batch b = ready;
        ready = null;
        return b;
    }

    /** Stops the workers (they finish at most the image in hand); the loader is unusable after. */
    @Override
    public void close() {
        for (Future<BatchSource.Built> f : inFlight) {
            f.cancel(true);
        }
        inFlight.clear();
        ready = null;
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int positive(int batchSize, int workers) {
        if (batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("batch size and workers must be >= 1, got " + batchSize + " and " + workers);
        }
        return batchSize;
    }

    private boolean submitNext() {
        if (nextToSubmit >= batchCount || pool.isShutdown()) {
            return false;
        }
        int b = nextToSubmit++;
        inFlight.add(pool.submit(() -> source.build(b)));
        return true;
    }

    private BatchSource.Built await(Future<BatchSource.Built> f) {
        long start = System.nanoTime();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a batch");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("batch preparation failed", cause);
        } finally {
            waitNanos += System.nanoTime() - start;
        }
    }
}
