package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.config.FitnetConfig;
import org.pixeldistill.core.config.IckdConfig;
import org.pixeldistill.core.config.SpConfig;
import org.pixeldistill.core.model.ParamValues;

/** AT, SP, ICKD and FitNet against numbers worked out by hand. */
class FeatureLossesTest {

    @Test
    void attentionOnTwoByTwoMaps() {
        try (NDManager m = NDManager.newBaseManager()) {
            // student f = all ones -> f^2 = [1,1,1,1] -> normalised [.5,.5,.5,.5]
            // teacher f = [2,0,0,0] -> f^2 = [4,0,0,0] -> normalised [1,0,0,0]
            // diff [-.5,.5,.5,.5], mean of squares = 0.25, times weight 1000 = 250
            AtDistiller at = new AtDistiller(new AtConfig(null, null));
            DistillContext ctx = Contexts.lastStages(m.ones(new Shape(1, 1, 2, 2)),
                    m.create(new float[] {2, 0, 0, 0}, new Shape(1, 1, 2, 2)));
            assertEquals(250f, Contexts.value(at.losses(null, ctx), "at"), 1e-3f);
        }
    }

    @Test
    void attentionPoolsTheLargerTeacherMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            // teacher 4x4 with its top-left 2x2 block at 2: pooled to 2x2 it is [2,0,0,0], so again 250;
            // channel count differs (3 vs 1) and does not matter: the channel mean of three equal channels
            NDArray teacher = m.zeros(new Shape(1, 3, 4, 4));
            teacher.set(new NDIndex(":, :, :2, :2"), 2f);
            AtDistiller at = new AtDistiller(new AtConfig(1000.0, 2.0));
            DistillContext ctx = Contexts.lastStages(m.ones(new Shape(1, 1, 2, 2)), teacher);
            assertEquals(250f, Contexts.value(at.losses(null, ctx), "at"), 1e-3f);
        }
    }

    @Test
    void similarityPreservingOnTwoSamples() {
        try (NDManager m = NDManager.newBaseManager()) {
            // student samples [1,0], [0,1]: G_s = I (rows already unit)
            // teacher samples [1,0], [1,0]: G = [[1,1],[1,1]] -> rows [1/sqrt2, 1/sqrt2]
            // ||G_s - G_t||^2 = 2 (1 - 1/sqrt2)^2 + 2 (1/2) = 4 - 2 sqrt2 = 1.171573; / b^2 = 0.292893
            // times 3000 = 878.6797
            SpDistiller sp = new SpDistiller(new SpConfig(null));
            DistillContext ctx = Contexts.lastStages(m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2, 1, 1)),
                    m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2, 1, 1)));
            assertEquals(878.6797f, Contexts.value(sp.losses(null, ctx), "sp"), 1e-2f);
        }
    }

    @Test
    void ickdWithIdentityProjection() {
        try (NDManager m = NDManager.newBaseManager()) {
            // student (identity conv) channels [1,1] and [0,2] over 2 positions: F F^T / 2 = [[1,1],[1,2]]
            // teacher channels [1,0] and [0,1]: I / 2 = [[.5,0],[0,.5]]
            // diff [[.5,1],[1,1.5]]: squares .25+1+1+2.25 = 4.5, mean 1.125, times 2.5 = 2.8125
            IckdDistiller ickd = new IckdDistiller(new IckdConfig(null));
            DistillContext ctx = Contexts.lastStages(m.create(new float[] {1, 1, 0, 2}, new Shape(1, 2, 1, 2)),
                    m.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 1, 2)));
            ickd.prepare(m, ctx);
            ParamValues.identity(ickd.projection().getParameters().get("weight"));
            assertEquals(2.8125f, Contexts.value(ickd.losses(new ParameterStore(m, false), ctx), "ickd"), 1e-5f);
        }
    }

    @Test
    void ickdProjectsToTheTeachersChannels() {
        try (NDManager m = NDManager.newBaseManager()) {
            IckdDistiller ickd = new IckdDistiller(new IckdConfig(null));
            DistillContext ctx = Contexts.lastStages(m.randomNormal(new Shape(2, 4, 2, 2)), m.randomNormal(new Shape(2, 6, 3, 3)));
            assertThrows(IllegalStateException.class, () -> ickd.losses(new ParameterStore(m, false), ctx));
            ickd.prepare(m, ctx);
            assertEquals(new Shape(6, 4, 1, 1), ickd.projection().getParameters().get("weight").getArray().getShape());
            assertEquals(1, ickd.trainableBlocks().size());
            float loss = Contexts.value(ickd.losses(new ParameterStore(m, false), ctx), "ickd");
            assertEquals(false, Float.isNaN(loss));
        }
    }

    @Test
    void fitnetUpsamplesTheProjectedStudent() {
        try (NDManager m = NDManager.newBaseManager()) {
            // student channel 0 [1,3] -> bilinear to width 4: [1, 1.5, 2.5, 3] vs teacher 0: squares 1+2.25+6.25+9 = 18.5
            // student channel 1 [0,0] -> zeros vs teacher 1: squares 4 * 1 = 4
            // MSE over 8 elements = 22.5 / 8 = 2.8125 (weight 1)
            FitnetDistiller fitnet = new FitnetDistiller(new FitnetConfig(null));
            DistillContext ctx = Contexts.lastStages(m.create(new float[] {1, 3, 0, 0}, new Shape(1, 2, 1, 2)),
                    m.create(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, new Shape(1, 2, 1, 4)));
            fitnet.prepare(m, ctx);
            ParamValues.identity(fitnet.projection().getParameters().get("weight"));
            assertEquals(2.8125f, Contexts.value(fitnet.losses(new ParameterStore(m, false), ctx), "fitnet"), 1e-5f);
        }
    }
}
