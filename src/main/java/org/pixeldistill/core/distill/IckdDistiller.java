package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.pixeldistill.core.config.IckdConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * Inter-channel correlation KD (Liu et al.) on the last stage. The student's map passes a learnt
 * bias-free 1x1 convolution to the teacher's channel count; per sample the channel correlation is
 * G = F F^T / (H*W) with F the C x HW map (the larger map is first adaptive-average-pooled to the
 * smaller's size). Loss = weight * mean over batch and C x C entries of (G_s - G_t)^2.
 */
public class IckdDistiller extends ProjectedStudentDistiller {
    public static final String NAME = IckdConfig.KIND.name();

    private final IckdConfig config;

    public IckdDistiller(IckdConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray student = projectedStudent(ps, ctx);
        NDArray[] maps = FeatureMaps.poolToCommonSize(student, ctx.teacher().lastStage().stopGradient());
        NDArray diff = channelCorrelation(maps[0]).sub(channelCorrelation(maps[1]));
        return Map.of(NAME, Scalars.mul(diff.square().mean(), config.weight()));
    }

    /** batch x C x C: F F^T / (H*W) per sample. */
    public static NDArray channelCorrelation(NDArray feature) {
        long b = feature.getShape().get(0);
        long c = feature.getShape().get(1);
        long positions = feature.getShape().get(2) * feature.getShape().get(3);
        NDArray flat = feature.reshape(b, c, positions);
        return Scalars.div(flat.batchMatMul(flat.transpose(0, 2, 1)), positions);
    }
}
