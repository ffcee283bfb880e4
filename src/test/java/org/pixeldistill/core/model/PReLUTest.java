package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class PReLUTest {

    @Test
    void startsWithSlopeQuarterPerChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            PReLU prelu = new PReLU();
            prelu.initialize(m, DataType.FLOAT32, new Shape(1, 3, 2, 2));
            assertEquals(new Shape(3), prelu.slope().getArray().getShape());
            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, prelu.slope().getArray().toFloatArray());
        }
    }

    @Test
    void scalesNegativesPerChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            PReLU prelu = new PReLU();
            prelu.initialize(m, DataType.FLOAT32, new Shape(1, 2, 1, 2));
            ParamValues.set(prelu.slope(), 0.5f, 0.1f);
            // channel 0 (a=0.5): [2, -4] -> [2, -2]; channel 1 (a=0.1): [-10, 3] -> [-1, 3]
            NDArray x = m.create(new float[] {2, -4, -10, 3}, new Shape(1, 2, 1, 2));
            NDArray y = prelu.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new float[] {2, -2, -1, 3}, y.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void slopeLearnsFromNegativeInputsOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            PReLU prelu = new PReLU();
            prelu.initialize(m, DataType.FLOAT32, new Shape(1, 2, 1, 2));
            prelu.slope().getArray().setRequiresGradient(true);
            NDArray x = m.create(new float[] {2, -4, 1, 3}, new Shape(1, 2, 1, 2));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = prelu.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                gc.backward(y.sum());
                // d(sum)/da_c = sum of min(x, 0) over channel c: [-4, 0]
                assertArrayEquals(new float[] {-4, 0}, prelu.slope().getArray().getGradient().toFloatArray(), 1e-6f);
            }
        }
    }
}
