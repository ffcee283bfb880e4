package org.pixeldistill.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * ResNet-18/34 (basic blocks) and ResNet-50 (bottlenecks) with two stems: the ImageNet one (7x7
 * stride-2 convolution, BN, ReLU, 3x3 stride-2 max-pool) and the small-input one (3x3 stride-1
 * convolution, BN, ReLU, no pool) that keeps a 7- to 32-pixel image from vanishing by stage 4.
 */
final class ResNet {

    private static final int[] STAGE_WIDTHS = {64, 128, 256, 512};
    private static final int[] STAGE_STRIDES = {1, 2, 2, 2};
    private static final int STEM_WIDTH = 64;

    private ResNet() {}

    /**
     * @param blocksPerStage e.g. {2, 2, 2, 2} for ResNet-18
     * @param bottleneck true for ResNet-50 style units (output width = 4 x stage width)
     */
    static Block build(BackboneSpec spec, int[] blocksPerStage, boolean bottleneck) {
        Stem stem = Stem.of(spec);
        checkInputSize(spec, stem);
        int stemWidth = scaled(STEM_WIDTH, spec.width());
        Block firstConv = stem == Stem.IMAGENET ? Layers.conv(stemWidth, 7, 2) : Layers.conv(stemWidth, 3, stem.stride);
        Sequential stemRest =
                new Sequential().add(Layers.batchNorm()).add(Activation.reluBlock());
        if (stem == Stem.IMAGENET) {
            stemRest.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        }
        List<Block> stages = new ArrayList<>();
        int channels = stemWidth;
        for (int s = 0; s < STAGE_WIDTHS.length; s++) {
            int width = scaled(STAGE_WIDTHS[s], spec.width());
            Sequential stage = new Sequential();
            for (int b = 0; b < blocksPerStage[s]; b++) {
                int stride = b == 0 ? STAGE_STRIDES[s] : 1;
                if (bottleneck) {
                    stage.add(ResidualBlocks.bottleneck(channels, width, stride));
                    channels = width * ResidualBlocks.BOTTLENECK_EXPANSION;
                } else {
                    stage.add(ResidualBlocks.basic(channels, width, stride));
                    channels = width;
                }
            }
            stages.add(stage);
        }
        return new TappedCnn(firstConv, stemRest, stages, spec.classes());
    }

    /** Width multiplier rule for ResNets: round(c * width), never below 8 channels. */
    static int scaled(int channels, double width) {
        return Math.max(8, (int) Math.round(channels * width));
    }

    /**
     * A stride-2 layer that receives a 1x1 map only repeats padding: the network would be deeper
     * than the image allows, so such sizes are refused up front rather than trained silently.
     */
    private static void checkInputSize(BackboneSpec spec, Stem stem) {
        List<String> layers = new ArrayList<>();
        List<Integer> strides = new ArrayList<>();
        layers.add("the stem convolution");
        strides.add(Math.min(stem.stride, 2));
        if (stem == Stem.IMAGENET) {
            layers.add("the stem max-pool");
            strides.add(2);
        }
        for (int s = 0; s < STAGE_STRIDES.length; s++) {
            layers.add("stage " + (s + 1));
            strides.add(STAGE_STRIDES[s]);
        }
        Backbones.requireRoomToDownsample(spec, stem.label, layers, strides);
    }
}
