package org.pixeldistill.core.data;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.pixeldistill.core.config.ConfigException;

/**
 * Builds batch {@code b} of one epoch from nothing but (data set, sampler, seed, epoch, b), so any
 * thread may build any batch and the result is the same.
 */
final class BatchAssembler implements BatchSource {
    private final ImageDataset dataset;
    private final TwoViewSampler sampler;
    private final int batchSize;
    private final boolean training;
    private final long seed;
    private final int epoch;
    private final int[] order;

    BatchAssembler(ImageDataset dataset, TwoViewSampler sampler, int batchSize, boolean training, long seed, int epoch) {
        this.dataset = dataset;
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.training = training;
        this.seed = seed;
        this.epoch = epoch;
        this.order = training ? EpochOrder.shuffled(dataset.size(), seed, epoch) : EpochOrder.identity(dataset.size());
    }

    @Override
    public int batchCount() {
        return (dataset.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Built build(int b) {
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
            } catch (ImageTooLargeException e) {
                throw e; // a real image, too large: the run stops naming it (skipping it would change the data)
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
}
