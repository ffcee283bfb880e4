package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.DkdConfig;
import org.pixeldistill.core.config.KdConfig;

/** Cross-entropy, KD and DKD against numbers worked out by hand. */
class LogitLossesTest {
    private static final float LN2 = (float) Math.log(2);
    private static final float LN3 = (float) Math.log(3);
    private static final float LN4 = (float) Math.log(4);

    @Test
    void crossEntropyOnTwoSamplesOfThreeClasses() {
        try (NDManager m = NDManager.newBaseManager()) {
            // sample 1: logits [0,0,0], label 0 -> -log(1/3) = ln 3 = 1.098612
            // sample 2: logits [ln4,0,0] -> softmax [4/6,1/6,1/6], label 1 -> -log(1/6) = ln 6 = 1.791759
            // mean = (1.098612 + 1.791759) / 2 = 1.445186
            NDArray logits = m.create(new float[] {0, 0, 0, LN4, 0, 0}, new Shape(2, 3));
            assertEquals(1.445186f, CrossEntropy.loss(logits, m.create(new int[] {0, 1})).getFloat(), 1e-5f);
            // float labels give the same
            assertEquals(1.445186f, CrossEntropy.loss(logits, m.create(new float[] {0, 1})).getFloat(), 1e-5f);
        }
    }

    @Test
    void kdOnOneSampleOfTwoClassesAtTemperatureTwo() {
        try (NDManager m = NDManager.newBaseManager()) {
            // teacher [2 ln3, 0] / 2 -> softmax [3/4, 1/4]; student [0, 0] -> [1/2, 1/2]
            // KL = 0.75 ln(0.75/0.5) + 0.25 ln(0.25/0.5) = 0.304099 - 0.173287 = 0.130812
            // alpha t^2 KL = 0.9 * 4 * 0.130812 = 0.470923
            KdDistiller kd = new KdDistiller(new KdConfig(0.9, 2.0));
            DistillContext ctx = Contexts.logits(m.zeros(new Shape(1, 2)),
                    m.create(new float[] {2 * LN3, 0}, new Shape(1, 2)), m.create(new int[] {0}), 0);
            assertEquals(0.470923f, Contexts.value(kd.losses(null, ctx), "kd"), 1e-5f);
            assertEquals(0.1, kd.ceScale(), 1e-12);
        }
    }

    @Test
    void kdAveragesOverTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            // the same sample twice plus an identical pair (KL 0): batchmean = 0.130812 / 2 -> 0.235462 after 3.6x
            KdDistiller kd = new KdDistiller(new KdConfig(0.9, 2.0));
            DistillContext ctx = Contexts.logits(m.zeros(new Shape(2, 2)),
                    m.create(new float[] {2 * LN3, 0, 0, 0}, new Shape(2, 2)), m.create(new int[] {0, 0}), 0);
            assertEquals(0.235462f, Contexts.value(kd.losses(null, ctx), "kd"), 1e-5f);
        }
    }

    @Test
    void kdIgnoresTeacherProbabilitiesThatUnderflow() {
        try (NDManager m = NDManager.newBaseManager()) {
            KdDistiller kd = new KdDistiller(new KdConfig(1.0, 1.0));
            DistillContext ctx = Contexts.logits(m.create(new float[] {0, 0}, new Shape(1, 2)),
                    m.create(new float[] {500, -500}, new Shape(1, 2)), m.create(new int[] {0}), 0);
            // teacher is one-hot, so KL = 1 * ln(1 / 0.5) = ln 2, with no NaN from 0 * log 0
            assertEquals(LN2, Contexts.value(kd.losses(null, ctx), "kd"), 1e-5f);
        }
    }

    @Test
    void dkdOnThreeClassesWithWarmUp() {
        try (NDManager m = NDManager.newBaseManager()) {
            // t = 2, label 0. teacher [2ln4, 2ln3, 0]/2 -> [4/8, 3/8, 1/8]; student zeros -> [1/3, 1/3, 1/3]
            // TCKD: teacher [1/2, 1/2] vs student [1/3, 2/3]: 0.5 ln 1.5 + 0.5 ln 0.75 = 0.5 ln 1.125 = 0.058892
            // NCKD: teacher non-target [3/4, 1/4] vs student [1/2, 1/2]: 0.130812 (as in the KD case)
            // t^2 (alpha TCKD + beta NCKD) = 4 * (0.058892 + 8 * 0.130812) = 4.421551
            DkdDistiller dkd = new DkdDistiller(new DkdConfig(1.0, 8.0, 2.0, 20));
            NDArray student = m.zeros(new Shape(1, 3));
            NDArray teacher = m.create(new float[] {2 * LN4, 2 * LN3, 0}, new Shape(1, 3));
            NDArray labels = m.create(new float[] {0});
            // zero-based epoch 0 of 20 warm-up epochs -> factor 1/20: 0.221078
            assertEquals(0.221078f, Contexts.value(dkd.losses(null, Contexts.logits(student, teacher, labels, 0)), "dkd"), 1e-5f);
            assertEquals(4.421551f, Contexts.value(dkd.losses(null, Contexts.logits(student, teacher, labels, 19)), "dkd"), 1e-4f);
            assertEquals(4.421551f, Contexts.value(dkd.losses(null, Contexts.logits(student, teacher, labels, 50)), "dkd"), 1e-4f);
            assertEquals(1.0, dkd.ceScale());
        }
    }

    @Test
    void dkdIsZeroWhenStudentMatchesTeacher() {
        try (NDManager m = NDManager.newBaseManager()) {
            DkdDistiller dkd = new DkdDistiller(new DkdConfig(null, null, null, 0));
            NDArray z = m.create(new float[] {1, -2, 0.5f, 3, 0, 0}, new Shape(2, 3));
            DistillContext ctx = Contexts.logits(z, z.duplicate(), m.create(new int[] {2, 0}), 0);
            assertEquals(0f, Contexts.value(dkd.losses(null, ctx), "dkd"), 1e-5f);
        }
    }
}
