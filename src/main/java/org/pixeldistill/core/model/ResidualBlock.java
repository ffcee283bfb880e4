package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code main(x) + shortcut(x)}, optionally followed by ReLU. One class serves ResNet's basic and
 * bottleneck blocks (ReLU after the sum) and MobileNetV2's inverted residuals (linear, no ReLU).
 */
final class ResidualBlock extends ContainerBlock {

    private final Block main;
    private final Block shortcut; // null: identity
    private final boolean reluAfterSum;

    ResidualBlock(Block main, Block shortcut, boolean reluAfterSum) {
        this.main = addChildBlock("main", main);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
        this.reluAfterSum = reluAfterSum;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray residual = main.forward(ps, inputs, training).singletonOrThrow();
        NDArray skip = shortcut == null ? x : shortcut.forward(ps, inputs, training).singletonOrThrow();
        NDArray sum = residual.add(skip);
        return new NDList(reluAfterSum ? Activation.relu(sum) : sum);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }
}
