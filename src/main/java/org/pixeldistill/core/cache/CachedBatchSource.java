package org.pixeldistill.core.cache;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchSource;
import org.pixeldistill.core.data.EpochOrder;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.TwoViewSampler;

/**
 * A student's training batches from a teacher cache: the live loader's epoch order and batch
 * boundaries, but each image shows the recorded view {@link RecordedViews#pick} chooses for
 * (seed, epoch, image), both views rebuilt from its box and flip, and the batch carries the
 * teacher's recorded logits for exactly those views.
 */
final class CachedBatchSource implements BatchSource {
    private final TeacherCache cache;
    private final ImageDataset images;
    private final TwoViewSampler sampler;
    private final int batchSize;
    private final long seed;
    private final int epoch;
    private final int[] order;

    CachedBatchSource(TeacherCache cache, ImageDataset images, TwoViewSampler sampler, int batchSize, long seed, int epoch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (images.size() != cache.images()) {
            throw new IllegalArgumentException("the cache holds " + cache.images() + " images, the data set " + images.size());
        }
        if (!sampler.largeViewRecipe().equals(cache.key().views())) {
            throw new IllegalArgumentException("the cache was recorded with other views: " + cache.key().views()
                    + ", the student's sampler makes " + sampler.largeViewRecipe());
        }
        this.cache = cache;
        this.images = images;
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.order = EpochOrder.shuffled(images.size(), seed, epoch);
    }

    @Override
    public int batchCount() {
        return (images.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Built build(int b) {
        int from = b * batchSize;
        int n = Math.min(images.size(), from + batchSize) - from;
        int channels = images.channels();
        int classes = cache.classes();
        int largeLen = channels * sampler.largeSize() * sampler.largeSize();
        int smallLen = channels * sampler.smallSize() * sampler.smallSize();
        boolean shared = sampler.largeSize() == sampler.smallSize();
        float[] large = shared ? null : new float[n * largeLen];
        float[] small = new float[n * smallLen];
        float[] logits = new float[n * classes];
        int[] labels = new int[n];
        int count = 0;
        for (int p = from; p < from + n; p++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("batch loader closed");
            }
            int index = order[p];
            RawImage img;
            try {
                img = images.image(index);
            } catch (ConfigException e) {
                continue;
            }
            int view = RecordedViews.pick(seed, epoch, index, cache.views());
            TwoViewSampler.Views v = sampler.rebuild(img, cache.box(index, view), cache.flipped(index, view));
            System.arraycopy(v.small(), 0, small, count * smallLen, smallLen);
            if (!shared) {
                System.arraycopy(v.large(), 0, large, count * largeLen, largeLen);
            }
            cache.copyLogits(index, view, logits, count * classes);
            labels[count++] = images.label(index);
        }
        if (count < n) {
            large = shared ? null : Arrays.copyOf(large, count * largeLen);
            small = Arrays.copyOf(small, count * smallLen);
            logits = Arrays.copyOf(logits, count * classes);
            labels = Arrays.copyOf(labels, count);
        }
        // equal sizes: one array is both views, as in the live loader
        Batch batch = new Batch(shared ? small : large, small, labels, count, channels, sampler.largeSize(),
                sampler.smallSize(), logits);
        return new Built(batch, n - count);
    }
}
