package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the optimiser's arithmetic (momentum, coupled weight decay and global-norm clipping
 * together, in PyTorch's order) and its checkpointed state, so that any faster rewrite of
 * {@link Sgd} has to stay the same method and keep reading the momentum buffers runs saved before.
 */
class SgdUpdateTest {
    @Test
    void clippingThenDecayThenMomentumMatchesHandComputedSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, 3f, 4f);
            Sgd sgd = new Sgd(ps, 0.9, 0.1, 1.0);
            // loss = (a^2 + b^2) / 2, so the gradient is the weight itself.
            // step 1: g = (3, 4), norm 5 -> clipped to (0.6, 0.8); + 0.1 w -> (0.9, 1.2) = v;
            // w -= 0.5 v -> (2.55, 3.4)
            halfSquareBackward(ps);
            sgd.step(0.5);
            assertArrayEquals(new float[] {2.55f, 3.4f}, weights(ps), 1e-5f);
            // step 2: g = (2.55, 3.4), norm 4.25 -> (0.6, 0.8); + 0.1 w -> (0.855, 1.14);
            // v = 0.9 (0.9, 1.2) + (0.855, 1.14) = (1.665, 2.22); w -= 0.5 v -> (1.7175, 2.29)
            halfSquareBackward(ps);
            sgd.step(0.5);
            assertArrayEquals(new float[] {1.7175f, 2.29f}, weights(ps), 1e-5f);
        }
    }

    @Test
    void savedStateResumesExactlyWhereTheRunStopped() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> original = params(m, 1f, -2f);
            Sgd running = new Sgd(original, 0.9, 0.01, 0);
            halfSquareBackward(original);
            running.step(0.1);
            byte[] saved = running.stateBytes();
            float[] afterOne = weights(original);

            // a resumed run: the same weights, a fresh optimiser, the saved momentum loaded
            List<Parameter> resumed = params(m, afterOne[0], afterOne[1]);
            Sgd loaded = new Sgd(resumed, 0.9, 0.01, 0);
            loaded.loadState(m, saved);

            halfSquareBackward(original);
            running.step(0.05);
            halfSquareBackward(resumed);
            loaded.step(0.05);
            float[] expected = weights(original);
            assertArrayEquals(expected, weights(resumed), 0f);
            // and the momentum mattered: without it the resumed step would land elsewhere
            List<Parameter> fresh = params(m, afterOne[0], afterOne[1]);
            Sgd noState = new Sgd(fresh, 0.9, 0.01, 0);
            halfSquareBackward(fresh);
            noState.step(0.05);
            assertNotEquals(expected[0], weights(fresh)[0], 1e-6f);
        }
    }

    @Test
    void pretrainedParametersLearnAtTheirFractionOfTheRate() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, 3f, 4f);
            Sgd sgd = new Sgd(ps, 0.9, 0, 0);
            sgd.scaleRate(java.util.Set.of(ps.get(0)), 0.1);
            // g = w = (3, 4); v = g; a -= 0.1 * 1.0 * 3, b -= 1.0 * 4
            halfSquareBackward(ps);
            sgd.step(1.0);
            assertArrayEquals(new float[] {2.7f, 0f}, weights(ps), 1e-5f);
            // step 2: g = (2.7, 0); v = 0.9 (3, 4) + (2.7, 0) = (5.4, 3.6); a -= 0.1 * 0.5 * 5.4, b -= 0.5 * 3.6
            halfSquareBackward(ps);
            sgd.step(0.5);
            assertArrayEquals(new float[] {2.43f, -1.8f}, weights(ps), 1e-5f);
        }
    }

    @Test
    void aRateThatChangesEveryStepGivesPyTorchsUpdate() {
        // PyTorch's form by hand, one weight, loss w^2 / 2 (g = w), mu 0.9, wd 0.1, pretrained x 0.5:
        // v = 0.9 v + (g + 0.1 w); w -= lr x 0.5 x v, over rates that rise, fall, stop and restart
        double[] rates = {0.2, 0.5, 0.05, 0.0, 0.3, 0.3};
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, 3f, -1f);
            Sgd sgd = new Sgd(ps, 0.9, 0.1, 0);
            sgd.scaleRate(java.util.Set.of(ps.get(0)), 0.5);
            double a = 3, b = -1, va = 0, vb = 0;
            for (double lr : rates) {
                halfSquareBackward(ps);
                sgd.step(lr);
                va = 0.9 * va + (a + 0.1 * a);
                vb = 0.9 * vb + (b + 0.1 * b);
                a -= lr * 0.5 * va;
                b -= lr * vb;
                assertArrayEquals(new float[] {(float) a, (float) b}, weights(ps), 1e-5f, "rate " + lr);
            }
        }
    }

    @Test
    void momentumBuffersSavedBeforeTheFusedUpdateStillResume() {
        // checkpoints written before held PyTorch's plain v, without the rate the buffers carry now
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, 2f, 1f);
            Sgd sgd = new Sgd(ps, 0.9, 0, 0);
            sgd.loadState(m, new ai.djl.ndarray.NDList(m.create(new float[] {4f}), m.create(new float[] {-2f})).encode());
            halfSquareBackward(ps);
            sgd.step(0.1);
            // v = 0.9 (4, -2) + (2, 1) = (5.6, -0.8); w -= 0.1 v
            assertArrayEquals(new float[] {1.44f, 1.08f}, weights(ps), 1e-5f);
        }
    }

    @Test
    void aParameterOffTheTapeAtFirstIsUpdatedByItsGradientOnceItHasOne() {
        // Sgd keeps gradient handles; one that had no gradient at the first step must not be
        // stuck with a zero one. mu 0.9, no decay, lr 0.1, a = 3, b = 2
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, 3f, 2f);
            Sgd sgd = new Sgd(ps, 0.9, 0, 0);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray a = ps.get(0).getArray();
                gc.backward(a.mul(a).div(2).sum()); // b not on the tape: g = (3, none)
            }
            sgd.step(0.1);
            assertArrayEquals(new float[] {2.7f, 2f}, weights(ps), 1e-5f);
            // g = (2.7, 2): v = (0.9 * 3 + 2.7, 2) = (5.4, 2); w -= 0.1 v
            halfSquareBackward(ps);
            sgd.step(0.1);
            assertArrayEquals(new float[] {2.16f, 1.8f}, weights(ps), 1e-5f);
            // g = (2.16, 1.8): v = (0.9 * 5.4 + 2.16, 0.9 * 2 + 1.8) = (7.02, 3.6)
            halfSquareBackward(ps);
            sgd.step(0.1);
            assertArrayEquals(new float[] {1.458f, 1.44f}, weights(ps), 1e-5f);
        }
    }

    private static List<Parameter> params(NDManager m, float a, float b) {
        Parameter pa = Parameter.builder().setName("a").setType(Parameter.Type.WEIGHT)
                .optArray(m.create(new float[] {a})).build();
        Parameter pb = Parameter.builder().setName("b").setType(Parameter.Type.WEIGHT)
                .optArray(m.create(new float[] {b})).build();
        pa.getArray().setRequiresGradient(true);
        pb.getArray().setRequiresGradient(true);
        return List.of(pa, pb);
    }

    private static void halfSquareBackward(List<Parameter> ps) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray a = ps.get(0).getArray();
            NDArray b = ps.get(1).getArray();
            gc.backward(a.mul(a).add(b.mul(b)).div(2).sum());
        }
    }

    private static float[] weights(List<Parameter> ps) {
        return new float[] {ps.get(0).getArray().getFloat(), ps.get(1).getArray().getFloat()};
    }
}
