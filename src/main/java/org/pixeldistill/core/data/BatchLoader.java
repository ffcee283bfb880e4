package org.pixeldistill.core.data;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.config.ConfigException;

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

    private record Built(Batch batch, int skipped) {}

    private final ImageDataset dataset;
    private final TwoViewSampler sampler;
    private final int batchSize;
    private final boolean training;
    private final long seed;
    private final int epoch;
    private final int[] order;
    private final int batchCount;
    private final int ahead;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Built>> inFlight = new ArrayDeque<>();
    private int nextToSubmit;
    private Batch ready;
    private long waitNanos;
    private int skipped;

    public BatchLoader(ImageDataset ds, TwoViewSampler sampler, int batchSize, boolean training, long seed, int epoch, int workers) {
        if (batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("batch size and workers must be >= 1, got " + batchSize + " and " + workers);
        }
        this.dataset = ds;
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.training = training;
        this.seed = seed;
        this.epoch = epoch;
        this.order = training ? permutation(ds.size(), new Random(Seeds.mix(seed, epoch))) : identity(ds.size());
        this.batchCount = (ds.size() + batchSize - 1) / batchSize;
        // A few batches per worker in flight: enough that the consumer rarely waits, few enough to bound memory.
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
            Future<Built> head = inFlight.poll();
            submitNext();
            Built built = await(head);
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
        for (Future<Built> f : inFlight) {
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

    private boolean submitNext() {
        if (nextToSubmit >= batchCount || pool.isShutdown()) {
            return false;
        }
        int b = nextToSubmit++;
        inFlight.add(pool.submit(() -> build(b)));
        return true;
    }

    private Built await(Future<Built> f) {
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

    private Built build(int b) {
        int from = b * batchSize;
        int n = Math.min(dataset.size(), from + batchSize) - from;
        int channels = dataset.channels();
        int largeLen = channels * sampler.largeSize() * sampler.largeSize();
        int smallLen = channels * sampler.smallSize() * sampler.smallSize();
        boolean shared = sampler.largeSize() == sampler.smallSize();
        float[] large = shared ? null : new float[n * largeLen];
        float[] small = new float[n * smallLen];
        int[] labels = new int[n];
        int count = 0;
        int failed = 0;
        for (int p = from; p < from + n; p++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("batch loader closed");
            }
            int index = order[p];
            RawImage img;
            try {
                img = dataset.image(index);
            } catch (ConfigException e) {
                failed++;
                continue;
            }
            if (img.channels() != channels) {
                throw new IllegalStateException(dataset.name() + " image " + index + " has " + img.channels()
                        + " channels, the data set promises " + channels);
            }
            TwoViewSampler.Views v = training
                    ? sampler.train(img, new Random(Seeds.mix(seed, epoch, index)))
                    : sampler.test(img);
            System.arraycopy(v.small(), 0, small, count * smallLen, smallLen);
            if (!shared) {
                System.arraycopy(v.large(), 0, large, count * largeLen, largeLen);
            }
            labels[count++] = dataset.label(index);
        }
        if (count < n) {
            small = Arrays.copyOf(small, count * smallLen);
            large = shared ? null : Arrays.copyOf(large, count * largeLen);
            labels = Arrays.copyOf(labels, count);
        }
        float[] largeOut = shared ? small : large;
        return new Built(new Batch(largeOut, small, labels, count, channels, sampler.largeSize(), sampler.smallSize()), failed);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] permutation(int n, Random rng) {
        int[] a = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
