package org.pixeldistill.core.inspect;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.distill.AtDistiller;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.model.Scalars;

/**
 * The two kinds of spatial map the inspection panel shows, from a (batch x C x H x W) feature map,
 * returned per image as row-major float arrays of H*W values.
 */
public final class SpatialMaps {
    /** Attention transfer's exponent (METHOD.md: p = 2). */
    static final float ATTENTION_P = 2f;

    private SpatialMaps() {}

    /** Spatial attention as attention transfer defines it: the L2-normalised channel mean of f^2. */
    public static float[][] attention(NDArray feature) {
        return rows(AtDistiller.attention(feature, ATTENTION_P));
    }

    /**
     * Grad-CAM of each image's predicted class on the output of a CNN's stage {@code stage}
     * (1-based): weights w_k = spatial mean of d score / d A_k, map = ReLU(sum_k w_k A_k). The
     * gradient is taken the way DESIGN.md found to work: a detached copy of the stage output is
     * marked as requiring a gradient and the forward pass continues from it
     * ({@link Backbones#logitsFromStage}). The backbone's own parameters are taken off the tape for
     * the backward pass and put back afterwards, so a live student's gradient buffers (which the
     * optimiser accumulates into) are left exactly as they were.
     */
    public static float[][] gradCam(Block backbone, ParameterStore ps, NDArray stageOutput, int stage) {
        NDArray a = stageOutput.stopGradient();
        a.setRequiresGradient(true);
        List<NDArray> frozen = takeOffTape(backbone);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = Backbones.logitsFromStage(backbone, ps, a, stage, false);
            NDArray predicted = logits.argMax(1).oneHot(Math.toIntExact(logits.getShape().get(1)));
            gc.backward(logits.mul(predicted).sum());
        } finally {
            frozen.forEach(p -> p.setRequiresGradient(true));
        }
        long batch = a.getShape().get(0);
        long channels = a.getShape().get(1);
        NDArray weights = a.getGradient().mean(new int[] {3}).mean(new int[] {2}).reshape(batch, channels, 1, 1);
        NDArray cam = Scalars.maximum(a.stopGradient().mul(weights).sum(new int[] {1}), 0);
        return rows(cam.reshape(batch, -1));
    }

    /** A map scaled into [0, 1] by its maximum; a map without a positive value becomes all zeros. */
    public static float[] toUnitRange(float[] map) {
        float max = 0f;
        for (float v : map) {
            max = Math.max(max, v);
        }
        float[] out = new float[map.length];
        if (max > 0f) {
            for (int i = 0; i < map.length; i++) {
                out[i] = Math.max(0f, map[i]) / max;
            }
        }
        return out;
    }

    /** The parameters currently recording gradients, switched off until the caller restores them. */
    private static List<NDArray> takeOffTape(Block backbone) {
        List<NDArray> frozen = new ArrayList<>();
        for (Parameter p : backbone.getParameters().values()) {
            if (p.isInitialized() && p.getArray().hasGradient()) {
                p.getArray().setRequiresGradient(false);
                frozen.add(p.getArray());
            }
        }
        return frozen;
    }

    private static float[][] rows(NDArray batchByPositions) {
        int batch = Math.toIntExact(batchByPositions.getShape().get(0));
        int positions = Math.toIntExact(batchByPositions.getShape().get(1));
        float[] flat = batchByPositions.toFloatArray();
        float[][] out = new float[batch][positions];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(flat, i * positions, out[i], 0, positions);
        }
        return out;
    }
}
