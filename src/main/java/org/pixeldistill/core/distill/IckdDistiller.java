package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.DistillConfig;

/**
 * Inter-channel correlation KD (Liu et al.) on the last stage. The student's map passes a learnt
 * bias-free 1x1 convolution to the teacher's channel count; per sample the channel correlation is
 * G = F F^T / (H*W) with F the C x HW map (the larger map is first adaptive-average-pooled to the
 * smaller's size). Loss = weight * mean over batch and C x C entries of (G_s - G_t)^2.
 */
public class IckdDistiller implements Distiller {
    public static final String NAME = "ickd";

    private final DistillConfig.Ickd config;
    private Conv2d projection;

    public IckdDistiller(DistillConfig.Ickd config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Creates the student-to-teacher channel projection (replacing any earlier one). */
    @Override
    public void prepare(NDManager manager, DistillContext first) {
        long teacherChannels = first.teacher().lastStage().getShape().get(1);
        projection = TrainableBlocks.initialise(TrainableBlocks.projection(teacherChannels), manager,
                TrainableBlocks.oneSample(first.student().lastStage().getShape()));
    }

    @Override
    public List<Block> trainableBlocks() {
        return projection == null ? List.of() : List.of(projection);
    }

    /** The 1x1 projection, or null before {@link #prepare}. */
    public Conv2d projection() {
        return projection;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        if (projection == null) {
            throw new IllegalStateException("ickd: prepare() must run before losses()");
        }
        NDArray student = projection.forward(ps, new NDList(ctx.student().lastStage()), ctx.training())
                .singletonOrThrow();
        NDArray[] maps = FeatureMaps.poolToCommonSize(student, ctx.teacher().lastStage().stopGradient());
        NDArray diff = channelCorrelation(maps[0]).sub(channelCorrelation(maps[1]));
        return Map.of(NAME, diff.square().mean().mul(config.weight().floatValue()));
    }

    /** batch x C x C: F F^T / (H*W) per sample. */
    public static NDArray channelCorrelation(NDArray feature) {
        long b = feature.getShape().get(0);
        long c = feature.getShape().get(1);
        long positions = feature.getShape().get(2) * feature.getShape().get(3);
        NDArray flat = feature.reshape(b, c, positions);
        return flat.batchMatMul(flat.transpose(0, 2, 1)).div(positions);
    }
}
