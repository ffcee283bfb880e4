package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * Hinton's knowledge distillation: alpha * t^2 * KL(softmax(z_t/t) || softmax(z_s/t)), the KL
 * summed over classes and averaged over the batch (PyTorch's kl_div with reduction='batchmean').
 * The t^2 keeps the soft term's gradient on the scale of the hard one; the trainer scales the
 * cross-entropy by 1 - alpha.
 */
public class KdDistiller implements Distiller {
    public static final String NAME = KdConfig.KIND.name();

    private final KdConfig config;

    public KdDistiller(KdConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double ceScale() {
        return 1.0 - config.alpha();
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        double t = config.temperature();
        NDArray kl = softKl(ctx.student().logits(), ctx.teacher().logits().stopGradient(), t);
        return Map.of(NAME, Scalars.mul(kl, config.alpha() * t * t));
    }

    /**
     * Batch-mean KL(softmax(teacher/t) || softmax(student/t)). Both sides go through log_softmax so
     * a teacher probability that underflows to 0 contributes 0 instead of 0 * log 0 = NaN.
     */
    public static NDArray softKl(NDArray studentLogits, NDArray teacherLogits, double t) {
        if (!studentLogits.getShape().equals(teacherLogits.getShape())) {
            throw new IllegalArgumentException("KD needs teacher and student logits of one shape, got "
                    + teacherLogits.getShape() + " and " + studentLogits.getShape());
        }
        float invT = (float) (1.0 / t);
        NDArray logStudent = Scalars.mul(studentLogits, invT).logSoftmax(1);
        NDArray logTeacher = Scalars.mul(teacherLogits, invT).logSoftmax(1);
        long batch = studentLogits.getShape().get(0);
        return Scalars.div(logTeacher.exp().mul(logTeacher.sub(logStudent)).sum(), batch);
    }
}
