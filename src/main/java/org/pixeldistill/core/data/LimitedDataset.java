package org.pixeldistill.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A view of part of another data set, chosen class-balanced and deterministically: classes take
 * turns giving their next image in index order until the limit is reached, so every class gets
 * {@code limit / classes} images (or all it has, the others filling the gap). The chosen images
 * keep the base set's order.
 */
public final class LimitedDataset implements ImageDataset {
    private final ImageDataset base;
    private final int[] indices;

    private LimitedDataset(ImageDataset base, int[] indices) {
        this.base = base;
        this.indices = indices;
    }

    /** {@code base} itself when {@code limit} is 0 or not smaller than its size. */
    public static ImageDataset balanced(ImageDataset base, int limit) {
        if (limit <= 0 || limit >= base.size()) {
            return base;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < base.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < base.size(); i++) {
            byClass.get(base.label(i)).add(i);
        }
        int[] taken = new int[byClass.size()];
        int[] chosen = new int[limit];
        int n = 0;
        while (n < limit) {
            for (int c = 0; c < byClass.size() && n < limit; c++) {
                if (taken[c] < byClass.get(c).size()) {
                    chosen[n++] = byClass.get(c).get(taken[c]++);
                }
            }
        }
        Arrays.sort(chosen);
        return new LimitedDataset(base, chosen);
    }

    /** Index in the base set of this view's image {@code index}. */
    public int baseIndex(int index) {
        return indices[index];
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public RawImage image(int index) {
        return base.image(indices[index]);
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public int channels() {
        return base.channels();
    }
}
