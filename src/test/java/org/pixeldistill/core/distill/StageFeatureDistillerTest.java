package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.FeatureConfig;
import org.pixeldistill.core.model.FeatureTaps;

class StageFeatureDistillerTest {
    private static FeatureTaps taps(NDManager m, NDArray... stages) {
        return new FeatureTaps(m.zeros(new Shape(1, 2)), m.zeros(new Shape(1, 1, 1, 1)), List.of(stages));
    }

    @Test
    void sumsTheMeanSquaredErrorOfEveryStageAfterUpsampling() {
        try (NDManager m = NDManager.newBaseManager()) {
            // stage 1, same size: student (1,2,3,4) vs teacher (0,0,0,0) -> mean of squares = 30/4 = 7.5
            NDArray s1 = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray t1 = m.zeros(new Shape(1, 1, 2, 2));
            // stage 2: a constant 1x1 student map upsampled to 2x2 stays 3; teacher all 1 -> (3-1)^2 = 4
            NDArray s2 = m.create(new float[] {3}, new Shape(1, 1, 1, 1));
            NDArray t2 = m.ones(new Shape(1, 1, 2, 2));
            DistillContext ctx = new DistillContext(taps(m, s1, s2), taps(m, t1, t2), m.zeros(new Shape(1)), null, 0, true);
            StageFeatureDistiller d = new StageFeatureDistiller(new FeatureConfig(0.5));
            d.prepare(m, ctx);
            // weight 0.5 * (7.5 + 4) = 5.75
            assertEquals(5.75f, d.losses(null, ctx).get("feature").getFloat(), 1e-5f);
        }
    }

    @Test
    void refusesNetworksOfDifferentArchitecture() {
        try (NDManager m = NDManager.newBaseManager()) {
            DistillContext ctx = new DistillContext(taps(m, m.zeros(new Shape(1, 2, 2, 2))),
                    taps(m, m.zeros(new Shape(1, 4, 2, 2))), m.zeros(new Shape(1)), null, 0, true);
            assertThrows(ConfigException.class,
                    () -> new StageFeatureDistiller(new FeatureConfig(null)).prepare(m, ctx));
        }
    }
}
