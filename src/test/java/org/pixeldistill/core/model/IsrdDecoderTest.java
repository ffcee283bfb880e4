package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class IsrdDecoderTest {

    private static NDArray decode(NDManager m, IsrdDecoder d, NDArray f0) {
        return d.forward(new ParameterStore(m, false), new NDList(f0), false).singletonOrThrow();
    }

    private static Parameter convWeight(IsrdDecoder d) {
        return d.projection().getParameters().get("weight");
    }

    @Test
    void vitTinyAt56ReconstructsA224Image() {
        try (NDManager m = NDManager.newBaseManager()) {
            // f0 192x3x3, target 224: s = ceil(224/3) = 75, 3*75*75 = 16875 channels, 225x225, crop 224
            IsrdDecoder d = new IsrdDecoder(192, 3, 3, 224);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 192, 3, 3));
            assertEquals(75, d.scale());
            assertEquals(new Shape(16875, 192, 1, 1), convWeight(d).getArray().getShape());
            NDArray out = decode(m, d, m.randomNormal(new Shape(1, 192, 3, 3)));
            assertEquals(new Shape(1, 3, 224, 224), out.getShape());
        }
    }

    @Test
    void resnet18At56ShufflesByEight() {
        try (NDManager m = NDManager.newBaseManager()) {
            // f0 64x28x28, target 224: s = 8, 3*64 = 192 channels, exactly 224
            IsrdDecoder d = new IsrdDecoder(64, 3, 28, 224);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 64, 28, 28));
            assertEquals(8, d.scale());
            assertEquals(new Shape(192, 64, 1, 1), convWeight(d).getArray().getShape());
            assertEquals(new Shape(2, 3, 224, 224), decode(m, d, m.randomNormal(new Shape(2, 64, 28, 28))).getShape());
        }
    }

    @Test
    void greyImageFromSevenBySevenGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            IsrdDecoder d = new IsrdDecoder(16, 1, 7, 28);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 16, 7, 7));
            assertEquals(4, d.scale());
            assertEquals(new Shape(16, 16, 1, 1), convWeight(d).getArray().getShape());
            assertEquals(new Shape(3, 1, 28, 28), decode(m, d, m.randomNormal(new Shape(3, 16, 7, 7))).getShape());
            assertEquals(new Shape(3, 1, 28, 28), d.getOutputShapes(new Shape[] {new Shape(3, 16, 7, 7)})[0]);
        }
    }

    @Test
    void constantWeightsGiveHandCheckedCroppedImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 1 feature channel on a 2x2 grid, target 3: s = 2, 4 conv outputs, 4x4 image cropped to 3x3.
            IsrdDecoder d = new IsrdDecoder(1, 1, 2, 3);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 1, 2, 2));
            ParamValues.fill(convWeight(d), 0.5f);
            // f0 [[1,-2],[3,0]] * 0.5 = [[0.5,-1],[1.5,0]]; PReLU(0.25): -1 -> -0.25; each value fills a 2x2 block
            NDArray out = decode(m, d, m.create(new float[] {1, -2, 3, 0}, new Shape(1, 1, 2, 2)));
            assertEquals(new Shape(1, 1, 3, 3), out.getShape());
            assertArrayEquals(
                    new float[] {0.5f, 0.5f, -0.25f, 0.5f, 0.5f, -0.25f, 1.5f, 1.5f, 0f}, out.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void forwardLeavesNothingOnTheModelManager() {
        try (NDManager m = NDManager.newBaseManager()) {
            IsrdDecoder d = new IsrdDecoder(4, 2, 3, 5);
            d.initialize(m, DataType.FLOAT32, new Shape(1, 4, 3, 3));
            int before = m.getManagedArrays().size();
            // a training step runs on its own sub-manager; closing it must free every intermediate
            try (NDManager step = m.newSubManager()) {
                decode(m, d, step.randomNormal(new Shape(2, 4, 3, 3)));
            }
            assertEquals(before, m.getManagedArrays().size());
        }
    }

    @Test
    void rejectsFeatureOfTheWrongShape() {
        try (NDManager m = NDManager.newBaseManager()) {
            IsrdDecoder d = new IsrdDecoder(16, 1, 7, 28);
            assertThrows(IllegalArgumentException.class,
                    () -> d.initialize(m, DataType.FLOAT32, new Shape(1, 8, 7, 7)));
        }
    }
}
