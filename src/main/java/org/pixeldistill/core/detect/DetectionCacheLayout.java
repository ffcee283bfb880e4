package org.pixeldistill.core.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * How a frozen detector's outputs for one view are laid out in a teacher cache record: its class
 * logits (anchors x classes), then its box offsets (anchors x 4), then, when the feature term is
 * cached, each pyramid level (channels x height x width) in order. The cache stores that vector as
 * its per-view "logits"; {@link #output} makes it the teacher's {@link DetectorNetwork.Output} again.
 *
 * @param levels the teacher's level shapes (channels, height, width) per level; empty when features
 *     are not recorded
 */
public record DetectionCacheLayout(int anchors, int classes, List<long[]> levels) {
    public DetectionCacheLayout {
        levels = List.copyOf(levels);
    }

    /** The layout of {@code teacher}'s outputs, found by one forward pass of a blank image. */
    public static DetectionCacheLayout of(DetectorNetwork teacher, boolean withFeatures) {
        int size = teacher.inputSize();
        try (NDManager probe = teacher.manager().newSubManager()) {
            DetectorNetwork.Output out = teacher.forward(probe.zeros(new Shape(1, teacher.spec().backbone().channels(),
                    size, size)), false);
            List<long[]> levels = new ArrayList<>();
            if (withFeatures) {
                for (NDArray level : out.levels()) {
                    Shape s = level.getShape();
                    levels.add(new long[] {s.get(1), s.get(2), s.get(3)});
                }
            }
            return new DetectionCacheLayout((int) out.logits().getShape().get(1), (int) out.logits().getShape().get(2),
                    levels);
        }
    }

    public boolean hasFeatures() {
        return !levels.isEmpty();
    }

    /** Floats per view. */
    public int perView() {
        long n = (long) anchors * (classes + 4);
        for (long[] l : levels) {
            n += l[0] * l[1] * l[2];
        }
        return Math.toIntExact(n);
    }

    /** "2349 anchors x 10 classes + 4 offsets, 3 pyramid levels" for the key. */
    public String describe() {
        StringBuilder s = new StringBuilder(anchors + " anchors x (" + classes + " class logits + 4 box offsets)");
        for (long[] l : levels) {
            s.append(" + level ").append(l[0]).append('x').append(l[1]).append('x').append(l[2]);
        }
        return s.toString();
    }

    /** One forward pass's outputs for {@code n} views as records of {@link #perView()} floats each. */
    float[] record(DetectorNetwork.Output out, int n) {
        int per = perView();
        float[] all = new float[Math.multiplyExact(n, per)];
        int at = place(out.logits().toFloatArray(), all, n, 0, anchors * classes);
        at = place(out.offsets().toFloatArray(), all, n, at, anchors * 4);
        for (int i = 0; i < levels.size(); i++) {
            long[] l = levels.get(i);
            at = place(out.levels().get(i).toFloatArray(), all, n, at, (int) (l[0] * l[1] * l[2]));
        }
        return all;
    }

    /** The teacher's output for {@code n} recorded views ({@code outputs}: n records) on {@code manager}. */
    DetectorNetwork.Output output(NDManager manager, float[] outputs, int n) {
        if (outputs.length != (long) n * perView()) {
            throw new IllegalArgumentException(outputs.length + " recorded outputs for " + n + " views of " + perView());
        }
        NDArray logits = manager.create(take(outputs, n, 0, anchors * classes), new Shape(n, anchors, classes));
        int at = anchors * classes;
        NDArray offsets = manager.create(take(outputs, n, at, anchors * 4), new Shape(n, anchors, 4));
        at += anchors * 4;
        NDList maps = new NDList(levels.size());
        for (long[] l : levels) {
            int len = (int) (l[0] * l[1] * l[2]);
            maps.add(manager.create(take(outputs, n, at, len), new Shape(n, l[0], l[1], l[2])));
            at += len;
        }
        return new DetectorNetwork.Output(logits, offsets, maps);
    }

    /** Copies a (n x len) block into each record at {@code at}; returns the next record offset. */
    private int place(float[] block, float[] records, int n, int at, int len) {
        if (block.length != (long) n * len) {
            throw new IllegalStateException("the teacher gave " + block.length + " values where its layout has " + n
                    + " x " + len);
        }
        int per = perView();
        for (int v = 0; v < n; v++) {
            System.arraycopy(block, v * len, records, v * per + at, len);
        }
        return at + len;
    }

    private float[] take(float[] records, int n, int at, int len) {
        int per = perView();
        float[] block = new float[n * len];
        for (int v = 0; v < n; v++) {
            System.arraycopy(records, v * per + at, block, v * len, len);
        }
        return block;
    }
}
