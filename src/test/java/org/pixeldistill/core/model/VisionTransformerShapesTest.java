package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisionTransformerShapesTest {

    @Test
    void vitTinyAt56UsesPatch16AndA3x3Grid() {
        List<Shape> s = BackboneRunner.shapes(BackboneRunner.spec("vit_tiny", 56, 3, 1.0, "auto"), 1);
        assertEquals(6, s.size()); // logits, f0, 4 stages of 3 blocks
        assertEquals(new Shape(1, 10), s.get(0));
        for (Shape map : s.subList(1, 6)) {
            assertEquals(new Shape(1, 192, 3, 3), map);
        }
    }

    @Test
    void vitSmallHasDim384() {
        List<Shape> s = BackboneRunner.shapes(BackboneRunner.spec("vit_small", 28, 1, 1.0, "auto"), 1);
        assertEquals(new Shape(1, 384, 3, 3), s.get(1)); // auto patch 8 at 28
        assertEquals(new Shape(1, 384, 3, 3), s.get(5));
    }

    @Test
    void vitAt7UsesPatch2AndGrid3() {
        List<Shape> s = BackboneRunner.shapes(BackboneRunner.spec("vit_tiny", 7, 1, 0.25, "auto"), 2);
        assertEquals(new Shape(2, 48, 3, 3), s.get(1)); // 192 * 0.25 = 48, a multiple of 3 heads
    }

    @Test
    void explicitPatchSizeSetsTheGrid() {
        BackboneSpec spec = new BackboneSpec("vit_tiny", 16, 3, 4, 0.25, "auto", 4);
        assertEquals(new Shape(3, 48, 4, 4), BackboneRunner.shapes(spec, 3).get(1));
    }

    @Test
    void widthIsRoundedToAMultipleOfTheHeads() {
        // 384 * 0.1 = 38.4 -> 36 (6 heads of 6)
        List<Shape> s = BackboneRunner.shapes(BackboneRunner.spec("vit_small", 8, 1, 0.1, "auto"), 1);
        assertEquals(36, s.get(1).get(1));
    }

    @Test
    void f0IsPatchTokensPlusPositions() {
        BackboneSpec spec = new BackboneSpec("vit_tiny", 4, 1, 2, 0.25, "auto", 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block vit = BackboneRunner.initialised(manager, spec);
            NDArray x = manager.randomNormal(new Shape(1, 1, 4, 4));
            FeatureTaps taps = Backbones.forward(vit, new ParameterStore(manager, false), x, false);
            NDArray w = param(vit, "01patchEmbedding_weight"); // (48, 1, 2, 2)
            NDArray b = param(vit, "01patchEmbedding_bias");
            NDArray pos = param(vit, "positions"); // (1, 5, 48)
            // patch (row 1, col 0) covers pixels rows 2-3, cols 0-1; it is token 1 + 2 = 3
            NDArray pixels = x.get("0, 0, 2:4, 0:2").reshape(1, 4);
            NDArray expected = pixels.matMul(w.reshape(48, 4).transpose()).reshape(48).add(b).add(pos.get("0, 3, :"));
            NDArray actual = taps.f0().get("0, :, 1, 0");
            assertTrue(expected.allClose(actual, 1e-4, 1e-5, false), () -> expected + " vs " + actual);
        }
    }

    private static NDArray param(Block block, String suffix) {
        for (var pair : block.getParameters()) {
            if (pair.getKey().equals(suffix)) {
                Parameter p = pair.getValue();
                return p.getArray();
            }
        }
        throw new AssertionError("no parameter " + suffix + " in " + block.getParameters().keys());
    }
}
