package org.pixeldistill.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * min(relu(x), 6) for MobileNetV2, computed as DJL's {@code Activation.relu6Block()} does but with
 * the 6 held by libtorch ({@link Scalars}): DJL's own passes the 6 as a Java-backed tensor that the
 * gradient tape keeps after the garbage collector may have freed it. Same block name, so saved
 * networks load either way.
 */
final class Relu6 {
    private Relu6() {}

    static Block block() {
        return new LambdaBlock(list -> new NDList(Scalars.minimum(Activation.relu(list.singletonOrThrow()), 6)), "ReLU6");
    }
}
