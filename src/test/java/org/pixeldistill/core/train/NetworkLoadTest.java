package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.loop.Sgd;
import org.pixeldistill.core.model.BackboneSpec;

/** Loaded weights are the ones the next forward pass uses, even after an earlier forward pass. */
class NetworkLoadTest {
    @TempDir
    Path dir;

    private static float[] logits(Network net, NDArray x) {
        return net.forward(x, false).logits().toFloatArray();
    }

    @Test
    void aForwardPassAfterLoadingUsesTheLoadedWeights() {
        BackboneSpec spec = new BackboneSpec("resnet18", 8, 1, 4, 0.125, "small", 0);
        try (Network a = Network.create(spec, Device.cpu(), 1, true);
                Network b = Network.create(spec, Device.cpu(), 2, true);
                NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 1, 8, 8));
            float[] fromA = logits(a, x);
            float[] before = logits(b, x); // the store now holds b's first arrays
            assertFalse(Arrays.equals(fromA, before), "two seeds, two networks");
            new Checkpoint(dir).saveLast(List.of(a.block()), a.trainableParameters().isEmpty() ? new byte[0]
                    : new Sgd(a.trainableParameters(), 0, 0, 0).stateBytes(),
                    new Checkpoint.State(1, 0, 0, 0, false, 0), false);
            b.load(dir.resolve("last.params"), List.of());
            assertArrayEquals(fromA, logits(b, x), 1e-6f);
        }
    }
}
