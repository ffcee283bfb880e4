package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import org.junit.jupiter.api.Test;

/** The container that remembers its initialisation must name its parameters exactly as DJL's does. */
class SequentialTest {

    @Test
    void namesParametersAsDjlsSequentialBlockDoes() {
        Block ours = new Sequential().add(Layers.conv(8, 3, 1)).add(new Sequential().add(Layers.batchNorm())
                .add(Activation.reluBlock()));
        Block djls = new SequentialBlock().add(Layers.conv(8, 3, 1)).add(new SequentialBlock().add(Layers.batchNorm())
                .add(Activation.reluBlock()));
        assertEquals(djls.getParameters().keys(), ours.getParameters().keys());
    }

    @Test
    void initialisedOnceStaysInitialised() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block ours = new Sequential().add(Layers.conv(8, 3, 1)).add(Layers.batchNorm());
            assertFalse(ours.isInitialized());
            ours.initialize(m, DataType.FLOAT32, new Shape(2, 1, 7, 7));
            assertTrue(ours.isInitialized());
            assertTrue(ours.isInitialized());
        }
    }
}
