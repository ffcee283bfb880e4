package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.model.FeatureTaps;

/** Test helper: minimal distillation contexts. */
final class Contexts {
    private Contexts() {}

    static FeatureTaps taps(NDArray logits, NDArray f0, NDArray lastStage) {
        return new FeatureTaps(logits, f0, lastStage == null ? List.of() : List.of(lastStage));
    }

    static DistillContext logits(NDArray student, NDArray teacher, NDArray labels, int epoch) {
        return new DistillContext(taps(student, null, null), taps(teacher, null, null), labels, null, epoch, true);
    }

    static DistillContext lastStages(NDArray student, NDArray teacher) {
        return new DistillContext(taps(null, null, student), taps(null, null, teacher), null, null, 0, true);
    }

    static DistillContext isrd(NDArray f0, NDArray largeImage) {
        return new DistillContext(taps(null, f0, null), taps(null, null, null), null, largeImage, 0, true);
    }

    static float value(Map<String, NDArray> losses, String name) {
        NDArray loss = losses.get(name);
        if (loss.getShape().dimension() != 0) {
            throw new AssertionError(name + " loss is not a scalar: " + loss.getShape());
        }
        return loss.getFloat();
    }
}
