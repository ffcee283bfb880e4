package org.pixeldistill.core.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.pixeldistill.core.model.Scalars;

/**
 * What a detector student learns from a frozen detector teacher whose head outputs have the same
 * shape anchor by anchor: with AFP (METHOD.md) the assistant at S, levels shifted by log2(r) and
 * anchors scaled by r, covers the same image regions as the student at S/r, so its outputs can be
 * compared one to one.
 *
 * <ul>
 *   <li>class logits: temperature KD for independent sigmoid classes, the Bernoulli KL between
 *       sigmoid(z_t/T) and sigmoid(z_s/T) per anchor and class, times T^2 (the detector has no
 *       softmax over classes to soften);</li>
 *   <li>box offsets: squared difference, weighted per anchor by the teacher's highest class
 *       probability, so the offsets of anchors the teacher calls background, which mean nothing,
 *       do not dominate;</li>
 *   <li>pyramid features: mean squared difference per level, scale removed per image.</li>
 * </ul>
 */
public final class AfpLoss {
    private AfpLoss() {}

    /** Class KD, averaged over anchors and batch (summed over classes). */
    public static NDArray classKd(NDArray student, NDArray teacher, float temperature) {
        NDArray zs = Scalars.div(student, temperature);
        NDArray pt = Scalars.div(teacher, temperature).getNDArrayInternal().sigmoid();
        // KL(Bern(pt) || Bern(ps)) = BCE(pt, zs) - BCE(pt, zt); the second term is constant for the student
        NDArray kl = DetectionLoss.bceWithLogits(zs, pt).sub(DetectionLoss.bceWithLogits(Scalars.div(teacher, temperature), pt));
        return Scalars.mul(kl.sum(new int[] {2}).mean(), temperature * temperature);
    }

    /** Box offsets, squared difference weighted by the teacher's confidence per anchor. */
    public static NDArray boxL2(NDArray student, NDArray teacher, NDArray teacherLogits) {
        NDArray weight = teacherLogits.getNDArrayInternal().sigmoid().max(new int[] {2});
        NDArray sq = student.sub(teacher).square().sum(new int[] {2});
        return sq.mul(weight).sum().div(weight.sum().add(1e-6f));
    }

    /**
     * Pyramid features, mean squared difference averaged over levels, each map first divided by
     * its root mean square per image: raw pyramid activations of two networks differ in scale by
     * orders of magnitude (this term was 30 times the detection loss on raw maps), and what should
     * carry over is where and what the features respond to, not their scale.
     */
    public static NDArray featureL2(NDList student, NDList teacher) {
        NDArray sum = null;
        for (int i = 0; i < student.size(); i++) {
            NDArray mse = rmsNormalised(student.get(i)).sub(rmsNormalised(teacher.get(i))).square().mean();
            sum = sum == null ? mse : sum.add(mse);
        }
        return Scalars.div(sum, student.size());
    }

    /** (batch, C, H, W) divided per image by the root of its mean square. */
    static NDArray rmsNormalised(NDArray x) {
        // one axis at a time: the PyTorch engine reduces a single axis per call
        NDArray rms = x.square().mean(new int[] {3}, true).mean(new int[] {2}, true).mean(new int[] {1}, true)
                .add(1e-6f).sqrt();
        return x.div(rms);
    }
}
