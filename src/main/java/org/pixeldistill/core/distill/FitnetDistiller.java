package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.pixeldistill.core.config.FitnetConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * FitNet-style hint on the last stage: the student's map passes a learnt bias-free 1x1
 * convolution to the teacher's channel count, is bilinearly resized to the teacher's spatial size
 * (the student sees a smaller image, so its map is smaller), and is compared by
 * weight * mean squared error over all elements.
 */
public class FitnetDistiller extends ProjectedStudentDistiller {
    public static final String NAME = FitnetConfig.KIND.name();

    private final FitnetConfig config;

    public FitnetDistiller(FitnetConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray teacher = ctx.teacher().lastStage().stopGradient();
        NDArray student = projectedStudent(ps, ctx);
        student = FeatureMaps.resizeBilinear(student,
                Math.toIntExact(teacher.getShape().get(2)), Math.toIntExact(teacher.getShape().get(3)));
        return Map.of(NAME, Scalars.mul(student.sub(teacher).square().mean(), config.weight()));
    }
}
