package org.pixeldistill.core.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/** The three residual units the CNN backbones are made of, built from {@link ResidualBlock}. */
final class ResidualBlocks {

    /** Output channels of a bottleneck unit relative to its inner width (ResNet-50). */
    static final int BOTTLENECK_EXPANSION = 4;

    private ResidualBlocks() {}

    /** ResNet-18/34 unit: 3x3 (stride) - BN - ReLU - 3x3 - BN, plus shortcut, then ReLU. */
    static Block basic(int inChannels, int outChannels, int stride) {
        Sequential main =
                new Sequential()
                        .add(Layers.conv(outChannels, 3, stride))
                        .add(Layers.batchNorm())
                        .add(Activation.reluBlock())
                        .add(Layers.conv(outChannels, 3, 1))
                        .add(Layers.batchNorm());
        return new ResidualBlock(main, projection(inChannels, outChannels, stride), true);
    }

    /** ResNet-50 unit: 1x1 - 3x3 (stride, as torchvision's v1.5) - 1x1 to 4x width, plus shortcut, then ReLU. */
    static Block bottleneck(int inChannels, int innerChannels, int stride) {
        int out = innerChannels * BOTTLENECK_EXPANSION;
        Sequential main =
                new Sequential()
                        .add(Layers.conv(innerChannels, 1, 1))
                        .add(Layers.batchNorm())
                        .add(Activation.reluBlock())
                        .add(Layers.conv(innerChannels, 3, stride))
                        .add(Layers.batchNorm())
                        .add(Activation.reluBlock())
                        .add(Layers.conv(out, 1, 1))
                        .add(Layers.batchNorm());
        return new ResidualBlock(main, projection(inChannels, out, stride), true);
    }

    /**
     * MobileNetV2 unit: 1x1 expand (skipped when the factor is 1) - 3x3 depthwise (stride) - 1x1
     * linear projection. The skip connection exists only where shapes match (stride 1, same width).
     */
    static Block invertedResidual(int inChannels, int outChannels, int stride, int expansion) {
        int hidden = inChannels * expansion;
        Sequential main = new Sequential();
        if (expansion != 1) {
            main.add(Layers.conv(hidden, 1, 1)).add(Layers.batchNorm()).add(Relu6.block());
        }
        main.add(Layers.conv(hidden, 3, stride, hidden))
                .add(Layers.batchNorm())
                .add(Relu6.block())
                .add(Layers.conv(outChannels, 1, 1))
                .add(Layers.batchNorm());
        if (stride == 1 && inChannels == outChannels) {
            return new ResidualBlock(main, null, false);
        }
        return main;
    }

    /** 1x1 convolution + BN when the shortcut must change resolution or width; null = identity. */
    private static Block projection(int inChannels, int outChannels, int stride) {
        if (stride == 1 && inChannels == outChannels) {
            return null;
        }
        return new Sequential().add(Layers.conv(outChannels, 1, stride)).add(Layers.batchNorm());
    }
}
