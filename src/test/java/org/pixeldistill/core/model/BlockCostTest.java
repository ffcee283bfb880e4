package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.cost.NetworkCost;
import org.pixeldistill.core.cost.NetworkCounter;

/**
 * The cost counter on the project's own composite blocks, counted by hand. It lives in the model
 * package because those blocks are package-private.
 */
class BlockCostTest {

    private static NetworkCost count(Block block, Shape input) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            return NetworkCounter.count(block);
        }
    }

    @Test
    void selfAttentionCountsProjectionsAndBothProducts() {
        // dim 8, 2 heads, 5 tokens:
        //   qkv 8 -> 24 on 5 tokens: 5*8*24 = 960 MACs; 8*24 + 24 = 216 parameters
        //   QK^T: 2 heads * 5*5 * 4 = 100 = N^2*D; weights x V: another 100 -> 2*N^2*D = 2*25*8 = 400
        //   projection 8 -> 8 on 5 tokens: 5*64 = 320 MACs; 64 + 8 = 72 parameters
        NetworkCost c = count(new MultiHeadSelfAttention(8, 2), new Shape(1, 5, 8));
        assertEquals(960 + 400 + 320, c.macs());
        assertEquals(216 + 72, c.params());
    }

    @Test
    void preLnEncoderBlockAddsItsMlpAndNorms() {
        // attention as above: 1,680 MACs, 288 parameters
        // two LayerNorms over 8 features: 2 * (8 + 8) = 32 parameters, no MACs
        // MLP 8 -> 16 -> 8 on 5 tokens: 5*8*16 + 5*16*8 = 1,280 MACs; (128 + 16) + (128 + 8) = 280 parameters
        NetworkCost c = count(new PreLnEncoderBlock(8, 2, 16), new Shape(1, 5, 8));
        assertEquals(1_680 + 1_280, c.macs());
        assertEquals(288 + 32 + 280, c.params());
    }

    @Test
    void basicBlockWithoutDownsample() {
        // 8 -> 8 channels, stride 1, on an 8x8 map: two bias-free 3x3 convolutions
        //   each 8*8 (positions) * 8 (out) * 8 (in) * 9 = 36,864 MACs and 8*8*9 = 576 weights
        //   two BNs: 2 * (8 + 8) = 32 parameters; identity shortcut and the addition: nothing
        NetworkCost c = count(ResidualBlocks.basic(8, 8, 1), new Shape(1, 8, 8, 8));
        assertEquals(2 * 36_864, c.macs());
        assertEquals(2 * 576 + 32, c.params());
    }

    @Test
    void basicBlockWithDownsample() {
        // 8 -> 16 channels, stride 2, on an 8x8 map (output 4x4):
        //   conv 3x3 s2 8 -> 16: 4*4 * 16 * 8 * 9 = 18,432 MACs; 16*8*9 = 1,152 weights
        //   conv 3x3 16 -> 16:   4*4 * 16 * 16 * 9 = 36,864 MACs; 16*16*9 = 2,304 weights
        //   shortcut 1x1 s2 8 -> 16: 4*4 * 16 * 8 = 2,048 MACs; 128 weights
        //   three BNs over 16 channels: 3 * 32 = 96 parameters
        NetworkCost c = count(ResidualBlocks.basic(8, 16, 2), new Shape(1, 8, 8, 8));
        assertEquals(18_432 + 36_864 + 2_048, c.macs());
        assertEquals(1_152 + 2_304 + 128 + 96, c.params());
    }
}
