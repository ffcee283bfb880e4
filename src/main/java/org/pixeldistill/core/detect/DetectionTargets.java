package org.pixeldistill.core.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Turns each image's ground-truth boxes into the per-anchor targets the detector's loss needs:
 * IoU-based assignment ({@link AnchorMatcher}), a one-hot class row per positive anchor, all zeros
 * for background, and box offsets relative to the anchor ({@link BoxCoder}). Built in plain Java:
 * a few thousand anchors times a handful of boxes per image is cheaper than moving it to tensors.
 */
public final class DetectionTargets {
    /**
     * One batch's targets.
     *
     * @param classes (batch, N, K) 1 for the matched class of a positive anchor, else 0
     * @param valid (batch, N) 1 where the anchor counts in the class loss (not ignored)
     * @param boxes (batch, N, 4) encoded offsets of the matched box (0 where not positive)
     * @param positive (batch, N) 1 for anchors matched to a box
     */
    public record Batch(NDArray classes, NDArray valid, NDArray boxes, NDArray positive) {}

    private final float[] anchors;
    private final int count;
    private final int numClasses;
    private final AnchorMatcher matcher;
    private final BoxCoder coder;

    public DetectionTargets(float[] anchors, int numClasses, AnchorMatcher matcher, BoxCoder coder) {
        this.anchors = anchors;
        this.count = anchors.length / 4;
        this.numClasses = numClasses;
        this.matcher = matcher;
        this.coder = coder;
    }

    /** Targets for a batch; {@code boxes.get(i)} and {@code labels.get(i)} belong to image i. */
    public Batch build(NDManager manager, List<List<Box>> boxes, List<int[]> labels) {
        int batch = boxes.size();
        float[] cls = new float[batch * count * numClasses];
        float[] valid = new float[batch * count];
        float[] offsets = new float[batch * count * 4];
        float[] positive = new float[batch * count];
        for (int b = 0; b < batch; b++) {
            List<Box> gts = boxes.get(b);
            int[] match = matcher.match(anchors, gts);
            for (int a = 0; a < count; a++) {
                int i = b * count + a;
                int m = match[a];
                if (m == AnchorMatcher.IGNORE) {
                    continue;
                }
                valid[i] = 1f;
                if (m >= 0) {
                    positive[i] = 1f;
                    cls[i * numClasses + labels.get(b)[m]] = 1f;
                    coder.encodeInto(Anchors.box(anchors, a), gts.get(m), offsets, i * 4);
                }
            }
        }
        return new Batch(manager.create(cls, new Shape(batch, count, numClasses)), manager.create(valid, new Shape(batch, count)),
                manager.create(offsets, new Shape(batch, count, 4)), manager.create(positive, new Shape(batch, count)));
    }
}
