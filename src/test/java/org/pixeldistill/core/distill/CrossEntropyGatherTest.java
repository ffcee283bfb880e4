package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.loop.GradMode;

/**
 * Cross-entropy by gather must give the loss and the gradient of the one-hot-mask formula it
 * replaced, to the bit, with int, long and float labels: a training run is the same either way.
 */
class CrossEntropyGatherTest {

    /** The formula before: mean over the batch of -sum(one_hot(label) * log_softmax(logits)). */
    private static NDArray maskFormula(NDArray logits, NDArray labels) {
        NDArray mask = Labels.oneHot(labels, logits.getShape().get(1));
        return logits.logSoftmax(1).mul(mask).sum(new int[] {1}).mean().neg();
    }

    @Test
    void lossAndGradientEqualTheMaskFormulaToTheBit() {
        GradMode.offOnThisThread();
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray logits = m.randomNormal(new Shape(64, 10)).mul(4);
            int[] labels = new int[64];
            long[] longLabels = new long[64];
            float[] floatLabels = new float[64];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (i * 7 + 3) % 10;
                longLabels[i] = labels[i];
                floatLabels[i] = labels[i];
            }
            float[][] expected = lossAndGradient(m, logits, m.create(labels), CrossEntropyGatherTest::maskFormula);
            for (NDArray l : new NDArray[] {m.create(labels), m.create(longLabels), m.create(floatLabels)}) {
                float[][] actual = lossAndGradient(m, logits, l, CrossEntropy::loss);
                assertEquals(expected[0][0], actual[0][0], 0f, "loss with " + l.getDataType() + " labels");
                assertArrayEquals(expected[1], actual[1], 0f, "gradient with " + l.getDataType() + " labels");
            }
        }
    }

    private static float[][] lossAndGradient(NDManager m, NDArray logits, NDArray labels,
            BiFunction<NDArray, NDArray, NDArray> loss) {
        NDArray x = logits.duplicate();
        x.setRequiresGradient(true);
        float value;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray l = loss.apply(x, labels);
            value = l.getFloat();
            gc.backward(l);
        }
        return new float[][] {{value}, x.getGradient().toFloatArray()};
    }
}
