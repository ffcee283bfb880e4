package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.pixeldistill.core.config.DkdConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * Decoupled KD (Zhao et al.): KD split into a target-class term (TCKD, the binary target/other
 * distribution) and a non-target term (NCKD, the distribution among the other classes), weighted
 * alpha*TCKD + beta*NCKD, each a batch-mean KL times t^2. The whole term is ramped in by
 * min((epoch+1)/warmup, 1) — the reference code counts epochs from 1, the context from 0. The
 * cross-entropy keeps its full weight.
 */
public class DkdDistiller implements Distiller {
    public static final String NAME = DkdConfig.KIND.name();
    /** The reference code's logit offset that removes the target class from the NCKD softmax. */
    private static final float MASK_OFFSET = 1000f;

    private final DkdConfig config;

    public DkdDistiller(DkdConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray loss = dkd(ctx.student().logits(), ctx.teacher().logits().stopGradient(), ctx.labels(),
                config.alpha(), config.beta(), config.temperature());
        return Map.of(NAME, Scalars.mul(loss, warmupFactor(ctx.epoch())));
    }

    /** min((epoch+1)/warmup, 1) for a zero-based epoch; 1 without warm-up. */
    public double warmupFactor(int epoch) {
        int warmup = config.warmup();
        return warmup <= 0 ? 1.0 : Math.min((epoch + 1.0) / warmup, 1.0);
    }

    /** t^2 * (alpha * TCKD + beta * NCKD), both batch-mean KLs, without the warm-up factor. */
    public static NDArray dkd(
            NDArray studentLogits, NDArray teacherLogits, NDArray labels, double alpha, double beta, double t) {
        if (!studentLogits.getShape().equals(teacherLogits.getShape())) {
            throw new IllegalArgumentException("DKD needs teacher and student logits of one shape, got "
                    + teacherLogits.getShape() + " and " + studentLogits.getShape());
        }
        long batch = studentLogits.getShape().get(0);
        NDArray target = Labels.oneHot(labels, studentLogits.getShape().get(1));
        float invT = (float) (1.0 / t);
        NDArray zs = Scalars.mul(studentLogits, invT);
        NDArray zt = Scalars.mul(teacherLogits, invT);

        // TCKD on [p_target, p_other], in log space: log p_other = lse(z without target) - lse(z).
        NDArray logBinaryS = binaryLogProbabilities(zs, target);
        NDArray logBinaryT = binaryLogProbabilities(zt, target);
        NDArray tckd = Scalars.div(kl(logBinaryT, logBinaryS), batch);

        // NCKD: distributions over the non-target classes only (target pushed to -1000).
        NDArray offset = Scalars.mul(target, MASK_OFFSET);
        NDArray logOtherS = zs.sub(offset).logSoftmax(1);
        NDArray logOtherT = zt.sub(offset).logSoftmax(1);
        NDArray nckd = Scalars.div(kl(logOtherT, logOtherS), batch);

        return Scalars.mul(Scalars.mul(tckd, alpha).add(Scalars.mul(nckd, beta)), t * t);
    }

    /** batch x 2: [log p_target, log p_other] of softmax(z). */
    private static NDArray binaryLogProbabilities(NDArray z, NDArray target) {
        NDArray logAll = FeatureMaps.logSumExp(z, 1);
        NDArray logTarget = z.mul(target).sum(new int[] {1}, true).sub(logAll);
        NDArray logOther = FeatureMaps.logSumExp(z.sub(Scalars.mul(target, MASK_OFFSET)), 1).sub(logAll);
        return logTarget.concat(logOther, 1);
    }

    /** Summed KL(p || q) from log-probabilities; p = 0 entries contribute 0. */
    private static NDArray kl(NDArray logP, NDArray logQ) {
        return logP.exp().mul(logP.sub(logQ)).sum();
    }
}
