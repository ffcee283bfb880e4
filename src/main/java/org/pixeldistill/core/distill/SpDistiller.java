package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.pixeldistill.core.config.SpConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * Similarity-preserving KD (Tung and Mori) on the last stage: each network's batch Gram matrix
 * G = f f^T of the flattened samples, rows L2-normalised, compared as
 * weight * ||G_s - G_t||_F^2 / b^2. Only sample-to-sample similarities are matched, so the two
 * feature maps may differ in channels and size.
 */
public class SpDistiller implements Distiller {
    public static final String NAME = SpConfig.KIND.name();

    private final SpConfig config;

    public SpDistiller(SpConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray student = ctx.student().lastStage();
        long b = student.getShape().get(0);
        NDArray diff = similarity(student).sub(similarity(ctx.teacher().lastStage().stopGradient()));
        return Map.of(NAME, Scalars.mul(Scalars.div(diff.square().sum(), b * b), config.weight()));
    }

    /** b x b row-normalised Gram matrix of the flattened samples. */
    public static NDArray similarity(NDArray feature) {
        NDArray flat = feature.reshape(feature.getShape().get(0), -1);
        return FeatureMaps.l2NormaliseRows(flat.matMul(flat.transpose()));
    }
}
