package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** Parameters saved with DJL's own format load into a freshly created block and give the same outputs. */
class CheckpointRoundTripTest {

    @Test
    void everyFamilyReloadsItsParameters() throws Exception {
        roundTrip(new BackboneSpec("resnet50", 8, 1, 3, 0.125, "auto", 0));
        roundTrip(new BackboneSpec("mobilenet_v2", 8, 3, 3, 0.25, "auto", 0));
        roundTrip(new BackboneSpec("vit_tiny", 8, 3, 3, 0.25, "auto", 0));
    }

    private static void roundTrip(BackboneSpec spec) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block original = BackboneRunner.initialised(manager, spec);
            NDArray x = manager.randomNormal(new Shape(2, spec.channels(), 8, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            Backbones.forward(original, ps, x, true); // moves the BatchNorm running statistics
            NDArray expected = Backbones.forward(original, ps, x, false).lastStage();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.saveParameters(new DataOutputStream(bytes));
            Block restored = Backbones.create(spec);
            restored.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray actual = Backbones.forward(restored, ps, x, false).lastStage();
            assertTrue(expected.allClose(actual, 1e-5, 1e-6, false), spec.name());
        }
    }
}
