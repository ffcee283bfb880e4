package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.model.ParamValues;

class IsrdDistillerTest {

    @Test
    void l1AgainstLargeViewWithConstantDecoderWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            // f0 1x1x2x2 = [[1,-2],[3,0]], large view 1x1x3x3 of 0.5 -> s = ceil(3/2) = 2, crop 4x4 to 3x3
            // conv weight 0.5: [[.5,-1],[1.5,0]]; PReLU 0.25: -1 -> -.25; cropped image
            //   [.5 .5 -.25 / .5 .5 -.25 / 1.5 1.5 0]
            // |D - 0.5|: 0 x4, .75 x2, 1 x2, .5 x1 = 4; mean 4/9 = 0.444444; eta 10 -> 4.444444
            IsrdDistiller isrd = new IsrdDistiller(new IsrdConfig(10.0));
            DistillContext ctx = Contexts.isrd(m.create(new float[] {1, -2, 3, 0}, new Shape(1, 1, 2, 2)),
                    m.full(new Shape(1, 1, 3, 3), 0.5f));
            isrd.prepare(m, ctx);
            assertEquals(2, isrd.decoder().scale());
            ParamValues.fill(isrd.decoder().projection().getParameters().get("weight"), 0.5f);
            ParameterStore ps = new ParameterStore(m, false);
            assertEquals(4.444444f, Contexts.value(isrd.losses(ps, ctx), "isrd"), 1e-5f);
            assertEquals(new Shape(1, 1, 3, 3), isrd.reconstruct(ps, ctx.student().f0()).getShape());
        }
    }

    @Test
    void decoderBuiltFromContextShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            // ResNet-18-like f0 64x7x7 with a 3-channel 28x28 large view: s = 4, 3*16 = 48 outputs
            IsrdDistiller isrd = new IsrdDistiller(new IsrdConfig(null));
            isrd.prepare(m, Contexts.isrd(m.zeros(new Shape(2, 64, 7, 7)), m.zeros(new Shape(2, 3, 28, 28))));
            assertEquals(4, isrd.decoder().scale());
            assertEquals(new Shape(48, 64, 1, 1),
                    isrd.decoder().projection().getParameters().get("weight").getArray().getShape());
            for (Pair<String, Parameter> p : isrd.decoder().getParameters()) {
                assertTrue(p.getValue().getArray().hasGradient(), p.getKey() + " must be trainable");
            }
        }
    }

    @Test
    void trainingTheDecoderLowersTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            // The target is what another (random) decoder makes of f0, so a decoder can reach it.
            NDArray f0 = m.randomNormal(new Shape(4, 8, 4, 4));
            DistillContext shapes = Contexts.isrd(f0, m.zeros(new Shape(4, 1, 8, 8)));
            ParameterStore ps = new ParameterStore(m, false);
            IsrdDistiller source = new IsrdDistiller(new IsrdConfig(1.0));
            source.prepare(m, shapes);
            DistillContext ctx = Contexts.isrd(f0, source.reconstruct(ps, f0).stopGradient());
            IsrdDistiller isrd = new IsrdDistiller(new IsrdConfig(1.0));
            isrd.prepare(m, ctx);
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build();
            float first = Contexts.value(isrd.losses(ps, ctx), "isrd");
            for (int step = 0; step < 30; step++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(isrd.losses(ps, ctx).get("isrd"));
                }
                for (Pair<String, Parameter> p : isrd.decoder().getParameters()) {
                    NDArray weight = p.getValue().getArray();
                    NDArray grad = weight.getGradient();
                    sgd.update(p.getValue().getId(), weight, grad);
                    grad.subi(grad);
                }
            }
            float last = Contexts.value(isrd.losses(ps, ctx), "isrd");
            assertTrue(last < 0.5f * first, "loss should fall: " + first + " -> " + last);
        }
    }
}
