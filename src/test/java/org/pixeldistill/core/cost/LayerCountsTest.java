package org.pixeldistill.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.model.BackboneSpec;

/** Single layers counted by hand. */
class LayerCountsTest {

    private static NetworkCost count(Block block, Shape input) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            return NetworkCounter.count(block);
        }
    }

    private static Conv2d conv3x3(int filters, int stride, int groups, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).setFilters(filters).optGroups(groups).optBias(bias).build();
    }

    @Test
    void convolutionThreeToEightChannels() {
        // 3 -> 8 channels, 3x3, stride 1, pad 1 on 8x8: the output is 8 x 8 x 8, each value a sum of 3*3*3 products
        // MACs = 8*8 (positions) * 8 (out channels) * 3*3*3 = 13,824; weights 8*3*3*3 = 216, + 8 biases = 224
        NetworkCost withBias = count(conv3x3(8, 1, 1, true), new Shape(1, 3, 8, 8));
        assertEquals(13_824, withBias.macs());
        assertEquals(224, withBias.params());
        // activation: input 3*8*8 = 192 + output 8*8*8 = 512 elements, 4 bytes each = 2,816
        assertEquals(2_816, withBias.activationBytes());
        NetworkCost noBias = count(conv3x3(8, 1, 1, false), new Shape(1, 3, 8, 8));
        assertEquals(13_824, noBias.macs());
        assertEquals(216, noBias.params());
    }

    @Test
    void depthwiseStridedConvolution() {
        // 8 channels, groups 8 (each filter sees 1 channel), 3x3 stride 2 pad 1 on 8x8 -> 4x4
        // MACs = 4*4 * 8 * (8/8) * 9 = 1,152; weights 8 * 1 * 9 = 72
        NetworkCost c = count(conv3x3(8, 2, 8, false), new Shape(1, 8, 8, 8));
        assertEquals(1_152, c.macs());
        assertEquals(72, c.params());
    }

    @Test
    void linearLayerOnOneRowAndOnTokens() {
        // 16 -> 5: 16*5 = 80 MACs per row; 80 weights + 5 biases = 85 parameters
        NetworkCost row = count(Linear.builder().setUnits(5).build(), new Shape(1, 16));
        assertEquals(80, row.macs());
        assertEquals(85, row.params());
        // the same layer on 7 tokens: 7 rows of 80
        NetworkCost tokens = count(Linear.builder().setUnits(5).build(), new Shape(1, 7, 16));
        assertEquals(560, tokens.macs());
        assertEquals(85, tokens.params());
    }

    @Test
    void batchNormAndActivationsCostNoMacsAndRunningStatisticsAreNoParameters() {
        // conv 1 -> 4, 3x3 on 5x5 (pad 1): 5*5*4*1*9 = 900 MACs, 36 weights;
        // BN: gamma 4 + beta 4 = 8 trained (running mean 4 + var 4 left out); ReLU: nothing
        Block net = new SequentialBlock().add(conv3x3(4, 1, 1, false)).add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
        NetworkCost c = count(net, new Shape(1, 1, 5, 5));
        assertEquals(900, c.macs());
        assertEquals(44, c.params());
        // peak leaf: BN or ReLU, 4*5*5 in + 4*5*5 out = 200 elements = 800 bytes (the conv has 25 + 100)
        assertEquals(800, c.activationBytes());
    }

    @Test
    void batchSizeDoesNotChangeMacsPerImage() {
        NetworkCost c = count(conv3x3(8, 1, 1, true), new Shape(4, 3, 8, 8));
        assertEquals(13_824, c.macs());
    }

    @Test
    void unknownBackboneOrTooSmallInputIsAConfigException() {
        assertThrows(ConfigException.class, () -> NetworkCounter.count(BackboneSpec.of("resnet19", 32, 3, 10)));
        BackboneSpec tiny = new BackboneSpec("resnet50", 16, 3, 10, 1.0, "imagenet", 0);
        assertThrows(ConfigException.class, () -> NetworkCounter.count(tiny));
    }
}
