package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;

class DetectorTest {

    static DetectorSpec spec(int size, int shift) {
        BackboneSpec backbone = new BackboneSpec("resnet18", size, 1, 10, 0.125, "small", 0);
        return new DetectorSpec(backbone, 16, 1, 3, shift, 9);
    }

    private static NDList run(NDManager m, DetectorSpec spec) {
        Detector d = Detector.create(spec);
        Shape in = new Shape(2, 1, spec.backbone().inputSize(), spec.backbone().inputSize());
        d.initialize(m, DataType.FLOAT32, in);
        NDList out = d.forward(new ParameterStore(m, false), new NDList(m.randomNormal(in)), false);
        Shape[] predicted = d.getOutputShapes(new Shape[] {in});
        for (int i = 0; i < out.size(); i++) {
            assertEquals(predicted[i], out.get(i).getShape(), "output " + i + " matches getOutputShapes");
        }
        return out;
    }

    @Test
    void headsGiveLogitsAndOffsetsForEveryAnchorOfEveryLevel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList out = run(m, spec(28, 0));
            // small stem: the last three stages are 14x14, 7x7 and 4x4; 9 anchors per cell
            long anchors = (14 * 14 + 7 * 7 + 4 * 4) * 9L;
            assertEquals(new Shape(2, anchors, 10), out.get(0).getShape());
            assertEquals(new Shape(2, anchors, 4), out.get(1).getShape());
            assertEquals(new Shape(2, 16, 14, 14), out.get(2).getShape());
            assertEquals(new Shape(2, 16, 4, 4), out.get(4).getShape());
            // the class prior: every logit starts near -log(99), i.e. "background" at 99%
            NDArray p = out.get(0).getNDArrayInternal().sigmoid();
            assertEquals(0.01, p.mean().getFloat(), 0.005);
        }
    }

    @Test
    void anAfpAssistantAtRTimesTheSizeMatchesTheStudentsShapesExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int r : new int[] {2, 4}) {
                int shift = Integer.numberOfTrailingZeros(r);
                NDList student = run(m, spec(28, 0));
                NDList assistant = run(m, spec(28 * r, shift));
                assertEquals(student.size(), assistant.size());
                for (int i = 0; i < student.size(); i++) {
                    assertArrayEquals(student.get(i).getShape().getShape(), assistant.get(i).getShape().getShape(),
                            "r=" + r + " output " + i);
                }
            }
        }
    }

    @Test
    void vitBackbonesAreRefusedWithAReason() {
        BackboneSpec vit = new BackboneSpec("vit_tiny", 28, 1, 10, 0.25, "auto", 0);
        ConfigException e = assertThrows(ConfigException.class, () -> new DetectorSpec(vit, 16, 1, 3, 0, 9));
        assertEquals(true, e.getMessage().contains("vit_tiny"));
    }
}
