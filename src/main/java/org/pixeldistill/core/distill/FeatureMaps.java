package org.pixeldistill.core.distill;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.pixeldistill.core.model.Scalars;

/**
 * Shape plumbing shared by the feature distillers: adaptive average pooling, bilinear resizing,
 * row normalisation and a stable log-sum-exp. Everything is built from differentiable ops, so
 * gradients reach the student through all of them.
 */
public final class FeatureMaps {
    private FeatureMaps() {}

    /**
     * Adaptive average pooling over the last two axes to outH x outW, with PyTorch's windows: output
     * cell i covers input rows floor(i*H/outH) up to ceil((i+1)*H/outH), so sizes need not divide
     * (windows then overlap by a row). Done as two matrix products with averaging matrices, which
     * works for any rank >= 2 and costs nothing when the maps are small.
     */
    public static NDArray adaptiveAvgPool(NDArray x, int outH, int outW) {
        Shape s = x.getShape();
        int d = s.dimension();
        int h = Math.toIntExact(s.get(d - 2));
        int w = Math.toIntExact(s.get(d - 1));
        if (h == outH && w == outW) {
            return x;
        }
        NDArray rows = x.getManager().create(averagingMatrix(h, outH), new Shape(outH, h));
        NDArray colsT = x.getManager().create(averagingMatrix(w, outW), new Shape(outW, w)).transpose();
        // (outH x H) @ (... x H x W) @ (W x outW) -> (... x outH x outW)
        return rows.matMul(x.matMul(colsT));
    }

    /** Row i averages the input positions of PyTorch's adaptive window i (row-major outSize x in). */
    static float[] averagingMatrix(int in, int outSize) {
        if (in < 1 || outSize < 1) {
            throw new IllegalArgumentException("pooling sizes must be positive: " + in + " -> " + outSize);
        }
        float[] m = new float[outSize * in];
        for (int i = 0; i < outSize; i++) {
            int start = (int) Math.floor((double) i * in / outSize);
            int end = (int) Math.ceil((double) (i + 1) * in / outSize);
            for (int j = start; j < end; j++) {
                m[i * in + j] = 1f / (end - start);
            }
        }
        return m;
    }

    /**
     * Pools whichever of two NCHW maps is larger to the other's spatial size (per axis: both end at
     * min(H) x min(W)); maps of equal size come back unchanged.
     */
    public static NDArray[] poolToCommonSize(NDArray a, NDArray b) {
        int h = Math.toIntExact(Math.min(a.getShape().get(2), b.getShape().get(2)));
        int w = Math.toIntExact(Math.min(a.getShape().get(3), b.getShape().get(3)));
        return new NDArray[] {adaptiveAvgPool(a, h, w), adaptiveAvgPool(b, h, w)};
    }

    /**
     * Bilinear resize of an NCHW batch to height x width (half-pixel centres, as PyTorch's
     * align_corners=False). DJL 0.29 resizes NHWC batches, hence the transposes; gradients pass.
     */
    public static NDArray resizeBilinear(NDArray x, int height, int width) {
        Shape s = x.getShape();
        if (s.get(2) == height && s.get(3) == width) {
            return x;
        }
        NDArray nhwc = x.transpose(0, 2, 3, 1);
        NDArray resized = NDImageUtils.resize(nhwc, width, height, Image.Interpolation.BILINEAR);
        return resized.transpose(0, 3, 1, 2);
    }

    /**
     * Divides each row (last axis) by its L2 norm, like PyTorch's F.normalize. The squared norm is
     * floored before the square root so an all-zero row (a dead ReLU map) gives zeros, not NaN
     * gradients.
     */
    public static NDArray l2NormaliseRows(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDArray norm = Scalars.maximum(x.square().sum(new int[] {last}, true), 1e-24f).sqrt();
        return x.div(norm);
    }

    /** log(sum(exp(x))) along {@code axis}, kept as a size-1 axis, without overflow. */
    public static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}, true).log().add(max);
    }
}
