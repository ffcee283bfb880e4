package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class PaddedConv2dTest {
    private static Conv2d conv(int filters, boolean padded) {
        Conv2d.Builder b = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters);
        return padded ? PaddedConv2d.of(b) : b.build();
    }

    @Test
    void computesWhatAPlainConvolutionComputesWithTheSameParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 16, 5, 5);
            Conv2d padded = conv(36, true);
            Conv2d plain = conv(36, false);
            padded.initialize(m, DataType.FLOAT32, in);
            plain.initialize(m, DataType.FLOAT32, in);
            for (Parameter p : plain.getParameters().values()) {
                p.getArray().set(padded.getParameters().get(p.getName()).getArray().toFloatArray());
            }
            NDArray x = m.randomNormal(in);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray a = padded.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray b = plain.forward(ps, new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(2, 36, 5, 5), a.getShape());
            assertArrayEquals(b.toFloatArray(), a.toFloatArray(), 1e-5f);
        }
    }

    /**
     * Before each step, memory is filled with NaN and freed, as a crashed or masked tensor leaves
     * it; a plain 36-filter convolution then gave a NaN input gradient in about a third of the
     * steps on an AVX-512 machine (libtorch 2.3.1), the padded one in none.
     */
    @Test
    void itsInputGradientStaysFiniteWhenFreedMemoryHoldsNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            int bad = 0;
            for (int step = 0; step < 40; step++) {
                int hw = new int[] {7, 4, 2}[step % 3];
                Shape in = new Shape(8, 16, hw, hw);
                try (NDManager junk = m.newSubManager()) {
                    for (int k = 1; k < 20; k++) {
                        junk.full(new Shape(k * 97), Float.NaN);
                        junk.full(new Shape(8, 36, hw, hw), Float.NaN);
                    }
                }
                try (NDManager s = m.newSubManager()) {
                    Conv2d conv = conv(36, true);
                    conv.initialize(s, DataType.FLOAT32, in);
                    NDArray x = s.randomNormal(in);
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = conv.forward(new ParameterStore(s, false), new NDList(x), true).singletonOrThrow();
                        gc.backward(y.sum());
                    }
                    for (float g : x.getGradient().toFloatArray()) {
                        if (!Float.isFinite(g)) {
                            bad++;
                            break;
                        }
                    }
                }
            }
            assertTrue(bad == 0, bad + " of 40 steps gave a NaN input gradient");
        }
    }
}
