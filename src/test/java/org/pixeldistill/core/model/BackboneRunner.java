package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** Test helper: build, initialise and run a backbone on random images. */
final class BackboneRunner {

    private BackboneRunner() {}

    static Block initialised(NDManager manager, BackboneSpec spec) {
        Block block = Backbones.create(spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), spec.inputSize(), spec.inputSize()));
        return block;
    }

    static FeatureTaps run(NDManager manager, Block block, BackboneSpec spec, int batch, boolean training) {
        NDArray x = manager.randomNormal(new Shape(batch, spec.channels(), spec.inputSize(), spec.inputSize()));
        return Backbones.forward(block, new ParameterStore(manager, false), x, training);
    }

    /** Shapes of [logits, f0, stage1..] after one forward pass. */
    static List<Shape> shapes(BackboneSpec spec, int batch) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = initialised(manager, spec);
            FeatureTaps taps = run(manager, block, spec, batch, true);
            List<Shape> shapes = new ArrayList<>();
            taps.toNDList().forEach(a -> shapes.add(a.getShape()));
            Shape[] declared = block.getOutputShapes(
                    new Shape[] {new Shape(batch, spec.channels(), spec.inputSize(), spec.inputSize())});
            if (!List.of(declared).equals(shapes)) {
                throw new AssertionError("getOutputShapes " + List.of(declared) + " != forward " + shapes);
            }
            return shapes;
        }
    }

    static BackboneSpec spec(String name, int size, int channels, double width, String stem) {
        return new BackboneSpec(name, size, channels, 10, width, stem, 0);
    }
}
