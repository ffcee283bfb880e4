package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.loop.GradMode;

/**
 * The project's BatchNorm (one libtorch call) must be DJL's BatchNorm to the bit: outputs, the
 * gradients of input, gamma and beta, the running statistics it updates, and the saved bytes,
 * so that runs and checkpoints made with either are the same.
 */
class BatchNormEquivalenceTest {

    @Test
    void sameOutputsGradientsStatisticsAndSavedBytesAsDjls() throws IOException {
        GradMode.offOnThisThread();
        try (NDManager m = NDManager.newBaseManager()) {
            Block ours = new BatchNorm();
            Block djls = ai.djl.nn.norm.BatchNorm.builder().build();
            Shape shape = new Shape(8, 5, 3, 3);
            ours.initialize(m, DataType.FLOAT32, shape);
            djls.initialize(m, DataType.FLOAT32, shape);
            // distinct, non-trivial scale and shift, the same in both
            for (Block b : new Block[] {ours, djls}) {
                b.getParameters().get("gamma").getArray().set(new float[] {0.5f, 1.5f, -1f, 2f, 0.25f});
                b.getParameters().get("beta").getArray().set(new float[] {0.1f, -0.2f, 0.3f, 0f, 1f});
                for (Parameter p : b.getParameters().values()) {
                    if (p.requiresGradient()) {
                        p.getArray().setRequiresGradient(true);
                    }
                }
            }
            Engine.getInstance().setRandomSeed(7);
            NDArray x = m.randomNormal(shape).mul(3).add(1);
            NDArray upstream = m.randomNormal(shape);
            for (int step = 0; step < 3; step++) {
                float[][] a = trainStep(ours, m, x, upstream);
                float[][] b = trainStep(djls, m, x, upstream);
                for (int i = 0; i < a.length; i++) {
                    assertArrayEquals(b[i], a[i], 0f, "array " + i + " at step " + step);
                }
            }
            assertArrayEquals(saved(djls), saved(ours));
            assertEquals(djls.getParameters().keys(), ours.getParameters().keys());
            // inference uses the running statistics: also the same
            NDArray yo = ours.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            NDArray yd = djls.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(yd.toFloatArray(), yo.toFloatArray(), 0f);
        }
    }

    /** Output, input gradient, gamma and beta gradients, running mean and variance after one training pass. */
    private static float[][] trainStep(Block bn, NDManager m, NDArray x, NDArray upstream) {
        try (NDManager step = m.newSubManager()) {
            NDArray in = x.duplicate();
            in.attach(step);
            in.setRequiresGradient(true);
            float[] y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = bn.forward(new ParameterStore(m, false), new NDList(in), true).singletonOrThrow();
                y = out.toFloatArray();
                gc.backward(out.mul(upstream).sum());
            }
            float[] gx = in.getGradient().toFloatArray();
            float[] gg = bn.getParameters().get("gamma").getArray().getGradient().toFloatArray();
            float[] gb = bn.getParameters().get("beta").getArray().getGradient().toFloatArray();
            for (String p : new String[] {"gamma", "beta"}) {
                bn.getParameters().get(p).getArray().getGradient().subi(bn.getParameters().get(p).getArray().getGradient());
            }
            return new float[][] {y, gx, gg, gb, bn.getParameters().get("runningMean").getArray().toFloatArray(),
                bn.getParameters().get("runningVar").getArray().toFloatArray()};
        }
    }

    private static byte[] saved(Block b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream os = new DataOutputStream(bytes)) {
            b.saveParameters(os);
        }
        return bytes.toByteArray();
    }
}
