package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.TrainConfig;

class ScheduleAndSgdTest {
    private static TrainConfig train(String schedule, int warmup) {
        return new TrainConfig(100, 64, 0.1, 0.9, 0.0, schedule, List.of(30, 60, 90), 0.1, warmup, null, null, null);
    }

    @Test
    void multiStepDividesAtMilestones() {
        LrSchedule s = new LrSchedule(train("multistep", 0));
        assertEquals(0.1, s.at(0, 0, 10), 1e-12);
        assertEquals(0.1, s.at(29, 9, 10), 1e-12);
        assertEquals(0.01, s.at(30, 0, 10), 1e-12);
        assertEquals(0.0001, s.at(95, 0, 10), 1e-12);
    }

    @Test
    void cosineAndWarmup() {
        LrSchedule cos = new LrSchedule(train("cosine", 0));
        assertEquals(0.1, cos.at(0, 0, 10), 1e-12);
        assertEquals(0.05, cos.at(50, 0, 10), 1e-12);
        LrSchedule warm = new LrSchedule(train("constant", 2));
        assertEquals(0.1 * 0.05, warm.at(0, 0, 10), 1e-12, "1 of 20 warm-up iterations done");
        assertEquals(0.1, warm.at(1, 9, 10), 1e-12);
        assertEquals(0.1, warm.at(2, 0, 10), 1e-12);
    }

    @Test
    void sgdMomentumAndWeightDecayMatchHandComputedSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                    .optArray(m.create(new float[] {1f, -2f})).build();
            p.getArray().setRequiresGradient(true);
            Sgd sgd = new Sgd(List.of(p), 0.9, 0.1, 0);
            // loss = sum(w^2)/2 -> grad = w
            float[] expected1 = {
                // g = w + 0.1 w = 1.1 w; v = g; w -= 0.5 v
                1f - 0.5f * 1.1f, -2f - 0.5f * (-2.2f)
            };
            backward(p.getArray());
            sgd.step(0.5);
            assertArrayEquals(expected1, p.getArray().toFloatArray(), 1e-6f);
            // second step: g2 = 1.1 w1, v2 = 0.9 v1 + g2
            float w1a = expected1[0];
            float w1b = expected1[1];
            float[] expected2 = {w1a - 0.5f * (0.9f * 1.1f + 1.1f * w1a), w1b - 0.5f * (0.9f * -2.2f + 1.1f * w1b)};
            backward(p.getArray());
            sgd.step(0.5);
            assertArrayEquals(expected2, p.getArray().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void clippingScalesTheGlobalNormDown() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = Parameter.builder().setName("a").setType(Parameter.Type.WEIGHT)
                    .optArray(m.create(new float[] {3f})).build();
            Parameter b = Parameter.builder().setName("b").setType(Parameter.Type.WEIGHT)
                    .optArray(m.create(new float[] {4f})).build();
            a.getArray().setRequiresGradient(true);
            b.getArray().setRequiresGradient(true);
            // grads (3, 4): norm 5, clipped to 1 -> (0.6, 0.8); lr 1, no momentum or decay
            Sgd sgd = new Sgd(List.of(a, b), 0, 0, 1.0);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray wa = a.getArray();
                NDArray wb = b.getArray();
                gc.backward(wa.mul(wa).div(2).add(wb.mul(wb).div(2)).sum());
            }
            sgd.step(1.0);
            assertEquals(3f - 0.6f, a.getArray().getFloat(), 1e-5f);
            assertEquals(4f - 0.8f, b.getArray().getFloat(), 1e-5f);
        }
    }

    private static void backward(NDArray w) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(w.mul(w).sum().div(2));
        }
    }
}
