package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.FeatureConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * TAS stage 2's feature loss: the assistant and the student share an architecture and differ only
 * in input size, so their stages match one to one. Each student stage is bilinearly upsampled to
 * the assistant's spatial size and compared by mean squared error; weight * the sum over stages.
 */
public class StageFeatureDistiller implements Distiller {
    public static final String NAME = FeatureConfig.KIND.name();

    private final FeatureConfig config;

    public StageFeatureDistiller(FeatureConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Checks once that the stages match in number and channels: no projection is learnt here. */
    @Override
    public void prepare(NDManager manager, DistillContext first) {
        List<NDArray> s = first.student().stages();
        List<NDArray> t = first.teacher().stages();
        boolean same = s.size() == t.size();
        for (int i = 0; same && i < s.size(); i++) {
            same = s.get(i).getShape().get(1) == t.get(i).getShape().get(1);
        }
        if (!same) {
            throw new ConfigException("distill.feature needs a teacher of the student's own architecture"
                    + " (an assistant); use fitnet or at between different networks");
        }
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray total = null;
        List<NDArray> s = ctx.student().stages();
        List<NDArray> t = ctx.teacher().stages();
        for (int i = 0; i < s.size(); i++) {
            NDArray target = t.get(i).stopGradient();
            NDArray student = s.get(i);
            int h = Math.toIntExact(target.getShape().get(2));
            int w = Math.toIntExact(target.getShape().get(3));
            if (student.getShape().get(2) != h || student.getShape().get(3) != w) {
                student = FeatureMaps.resizeBilinear(student, h, w);
            }
            NDArray mse = student.sub(target).square().mean();
            total = total == null ? mse : total.add(mse);
        }
        return Map.of(NAME, Scalars.mul(total, config.weight()));
    }
}
