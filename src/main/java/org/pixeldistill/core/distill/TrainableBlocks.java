package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import org.pixeldistill.core.model.PaddedConv2d;
import ai.djl.util.Pair;

/** Creation of the small learnt blocks some distillers train along with the student. */
final class TrainableBlocks {
    private TrainableBlocks() {}

    /** A bias-free 1x1 convolution: a learnt linear map between channel counts. */
    static Conv2d projection(long outChannels) {
        return PaddedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(1, 1))
                .setFilters(Math.toIntExact(outChannels))
                .optBias(false));
    }

    /** Initialises {@code block} for one input of {@code inputShape} and marks its parameters trainable. */
    static <B extends Block> B initialise(B block, NDManager manager, Shape inputShape) {
        block.initialize(manager, DataType.FLOAT32, inputShape);
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        return block;
    }

    /** Shape (1, C, H, W) of one sample of an NCHW batch. */
    static Shape oneSample(Shape batch) {
        return new Shape(1, batch.get(1), batch.get(2), batch.get(3));
    }
}
