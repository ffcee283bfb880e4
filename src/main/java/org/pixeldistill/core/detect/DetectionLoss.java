package org.pixeldistill.core.detect;

import ai.djl.ndarray.NDArray;
import org.pixeldistill.core.model.Scalars;

/**
 * RetinaNet's training loss: the focal loss on every anchor that is not ignored, and an L1 loss
 * on the box offsets of the positive anchors, both summed and divided by the number of positives
 * (at least 1), so an image with many objects does not outweigh the rest of the batch per object.
 *
 * <p>Focal loss, per anchor and class with p = sigmoid(z) and target t in {0, 1}:
 * {@code -alpha_t (1 - p_t)^gamma log(p_t)}, where p_t is p for t = 1 and 1 - p otherwise, and
 * alpha_t is alpha for t = 1 and 1 - alpha otherwise. The factor (1 - p_t)^gamma silences the
 * thousands of easy background anchors that would otherwise drown the few objects.
 */
public final class DetectionLoss {
    public static final float ALPHA = 0.25f;
    public static final float GAMMA = 2f;

    /** The two terms of one batch, already divided by the number of positives. */
    public record Terms(NDArray classification, NDArray box) {
        public NDArray total() {
            return classification.add(box);
        }
    }

    private DetectionLoss() {}

    /**
     * @param logits (batch, N, K) class logits
     * @param offsets (batch, N, 4) predicted box offsets
     * @param t the batch's targets from {@link DetectionTargets}
     */
    public static Terms of(NDArray logits, NDArray offsets, DetectionTargets.Batch t) {
        NDArray normaliser = Scalars.maximum(t.positive().sum(), 1);
        NDArray focal = focal(logits, t.classes()).mul(t.valid().expandDims(2)).sum();
        NDArray box = offsets.sub(t.boxes()).abs().sum(new int[] {2}).mul(t.positive()).sum();
        return new Terms(focal.div(normaliser), box.div(normaliser));
    }

    /** Element-wise focal loss of logits against 0/1 targets of the same shape. */
    static NDArray focal(NDArray logits, NDArray targets) {
        NDArray p = logits.getNDArrayInternal().sigmoid();
        NDArray ce = bceWithLogits(logits, targets);
        NDArray pt = p.mul(targets).add(p.neg().add(1f).mul(targets.neg().add(1f)));
        NDArray alphaT = Scalars.mul(targets, ALPHA).add(Scalars.mul(targets.neg().add(1f), 1f - ALPHA));
        return alphaT.mul(Scalars.pow(pt.neg().add(1f), GAMMA)).mul(ce);
    }

    /**
     * Binary cross-entropy from logits in the stable form max(z, 0) - z t + log(1 + exp(-|z|)),
     * which never takes the log of a sigmoid that rounded to 0.
     */
    static NDArray bceWithLogits(NDArray z, NDArray t) {
        return Scalars.maximum(z, 0).sub(z.mul(t)).add(z.abs().neg().exp().add(1f).log());
    }
}
