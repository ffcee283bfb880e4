package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.model.Scalars;

/**
 * Attention transfer (Zagoruyko and Komodakis) on the LAST stage only. The attention map of a
 * feature f is the channel mean of |f|^p, flattened and L2-normalised over the spatial positions;
 * the loss is weight * mean((A_s - A_t)^2) over batch and positions, exactly the reference code's
 * {@code (at(x) - at(y)).pow(2).mean()} (the paper's weight of 1000 is tuned for this mean). When
 * the two last stages differ in size, the larger feature map is adaptive-average-pooled to the
 * smaller before its attention map is taken, as RepDistiller does.
 */
public class AtDistiller implements Distiller {
    public static final String NAME = AtConfig.KIND.name();

    private final AtConfig config;

    public AtDistiller(AtConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx) {
        NDArray[] maps = FeatureMaps.poolToCommonSize(
                ctx.student().lastStage(), ctx.teacher().lastStage().stopGradient());
        float p = config.p().floatValue();
        NDArray diff = attention(maps[0], p).sub(attention(maps[1], p));
        return Map.of(NAME, Scalars.mul(diff.square().mean(), config.weight()));
    }

    /** batch x (H*W): L2-normalised channel mean of |f|^p. */
    public static NDArray attention(NDArray feature, float p) {
        NDArray powered = p == 2f ? feature.square() : Scalars.pow(feature.abs(), p);
        long batch = feature.getShape().get(0);
        return FeatureMaps.l2NormaliseRows(powered.mean(new int[] {1}).reshape(batch, -1));
    }
}
