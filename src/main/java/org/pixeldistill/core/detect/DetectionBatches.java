package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.pixeldistill.core.cache.RecordedViews;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.data.Seeds;

/**
 * Assembles detection batches from a data set: each image's two views (the model's and, for a
 * teacher, the large one) with its boxes. Images of a batch are prepared in parallel; every
 * image's random flip comes from a generator seeded by (seed, epoch, index), so a batch is the
 * same whatever thread makes it.
 */
public final class DetectionBatches {
    private final DetectionDataset data;
    private final DetectionViews views;
    private final boolean withLarge;

    /** @param withLarge whether batches carry the large view (a teacher reads it) */
    public DetectionBatches(DetectionDataset data, DetectionViews views, boolean withLarge) {
        this.data = data;
        this.views = views;
        this.withLarge = withLarge;
    }

    /** The order of an epoch's training images: a permutation fixed by (seed, epoch). */
    public static int[] order(int size, long seed, int epoch) {
        List<Integer> idx = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(idx, new Random(Seeds.mix(seed, epoch, 17)));
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A training batch of the images {@code indices[from, to)}, randomly flipped. */
    public DetectionBatch train(int[] indices, int from, int to, long seed, int epoch) {
        return assemble(indices, from, to, i -> views.train(data.sample(i), new Random(Seeds.mix(seed, epoch, i))));
    }

    /**
     * A training batch from a teacher cache (made without the large view: the teacher does not run)
     * and the teacher's recorded outputs for exactly its views.
     */
    public record Cached(DetectionBatch batch, float[] teacherOutputs) {}

    /**
     * A training batch of the images {@code indices[from, to)} in the recorded views {@link
     * RecordedViews#pick} chooses for (seed, epoch, image), with the teacher's outputs for them.
     */
    public Cached cached(int[] indices, int from, int to, TeacherCache cache, long seed, int epoch) {
        int n = to - from;
        int per = cache.classes();
        boolean[] mirrored = new boolean[n];
        float[] outputs = new float[Math.multiplyExact(n, per)];
        for (int j = 0; j < n; j++) {
            int image = indices[from + j];
            int view = RecordedViews.pick(seed, epoch, image, cache.views());
            mirrored[j] = cache.flipped(image, view);
            cache.copyLogits(image, view, outputs, j * per);
        }
        return new Cached(fixed(indices, from, to, mirrored), outputs);
    }

    /** A batch of the images {@code indices[from, to)}, image {@code from + j} mirrored when {@code mirrored[j]}. */
    DetectionBatch fixed(int[] indices, int from, int to, boolean[] mirrored) {
        return assembleAt(indices, from, to, j -> views.views(data.sample(indices[from + j]), mirrored[j]));
    }

    /** A test batch (no flip) of images {@code from} to {@code to - 1}. */
    public DetectionBatch test(int from, int to) {
        int[] all = IntStream.range(from, to).toArray();
        return assemble(all, 0, all.length, i -> views.test(data.sample(i)));
    }

    private DetectionBatch assemble(int[] indices, int from, int to, IntFunction<DetectionViews.Views> make) {
        return assembleAt(indices, from, to, j -> make.apply(indices[from + j]));
    }

    /** {@code byPosition} makes the views of batch position j (image {@code indices[from + j]}). */
    private DetectionBatch assembleAt(int[] indices, int from, int to, IntFunction<DetectionViews.Views> byPosition) {
        int n = to - from;
        DetectionViews.Views[] v = new DetectionViews.Views[n];
        IntStream.range(0, n).parallel().forEach(j -> v[j] = byPosition.apply(j));
        int c = data.channels();
        int small = views.smallSize();
        int large = views.largeSize();
        float[] smallPixels = new float[n * c * small * small];
        float[] largePixels = withLarge ? new float[n * c * large * large] : null;
        List<List<Box>> boxes = new ArrayList<>(n);
        List<int[]> labels = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            System.arraycopy(v[j].small(), 0, smallPixels, j * c * small * small, c * small * small);
            if (withLarge) {
                System.arraycopy(v[j].large(), 0, largePixels, j * c * large * large, c * large * large);
            }
            boxes.add(v[j].smallBoxes());
            labels.add(v[j].labels());
        }
        return new DetectionBatch(n, c, small, smallPixels, large, largePixels, boxes, labels);
    }
}
