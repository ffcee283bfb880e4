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
 * FitNet-style hint on the last stage: the student's map passes a learnt bias-free 1x1
 * convolution to the teacher's channel count, is bilinearly resized to the teacher's spatial size
 * (the student sees a smaller image, so its map is smaller), and is compared by
 * weight * mean squared error over all elements.
 */
public class FitnetDistiller implements Distiller {
    public static final String NAME = "fitnet";

    private final DistillConfig.Fitnet config;
    private Conv2d projection;

    public FitnetDistiller(DistillConfig.Fitnet config) {
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
            throw new IllegalStateException("fitnet: prepare() must run before losses()");
        }
        NDArray teacher = ctx.teacher().lastStage().stopGradient();
        NDArray student = projection.forward(ps, new NDList(ctx.student().lastStage()), ctx.training())
                .singletonOrThrow();
        student = FeatureMaps.resizeBilinear(student,
                Math.toIntExact(teacher.getShape().get(2)), Math.toIntExact(teacher.getShape().get(3)));
        return Map.of(NAME, student.sub(teacher).square().mean().mul(config.weight().floatValue()));
    }
}
