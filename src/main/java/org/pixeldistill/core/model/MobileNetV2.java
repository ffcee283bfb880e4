package org.pixeldistill.core.model;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2: inverted residuals with ReLU6 and linear bottlenecks (the published table), its
 * blocks grouped into four stages that end where the resolution next halves (output strides 4, 8,
 * 16 and 32 at ImageNet sizes, like ResNet's stages); the final 1x1 convolution to 1280 channels
 * belongs to stage 4 so the last stage is the map that is pooled. For small inputs the first
 * convolution and the first stride-2 row run at stride 1, as CIFAR variants do.
 */
final class MobileNetV2 {

    /** Rows of the published table: expansion t, channels c, repeats n, first stride s. */
    private static final int[][] TABLE = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}
    };
    /** Index of the first table row of stages 2, 3 and 4 (stage 1 starts at row 0). */
    private static final int[] STAGE_STARTS = {2, 3, 5};
    /** The row whose stride-2 the small and half stems drop. */
    private static final int FIRST_DOWNSAMPLING_ROW = 1;

    private static final int STEM_WIDTH = 32;
    private static final int LAST_WIDTH = 1280;

    private MobileNetV2() {}

    static Block build(BackboneSpec spec) {
        Stem stem = Stem.of(spec);
        int[] rowStrides = rowStrides(stem);
        int firstStride = stem == Stem.SMALL ? 1 : 2;
        checkInputSize(spec, stem, firstStride, rowStrides);
        double w = spec.width();
        int channels = roundToEight(STEM_WIDTH * w);
        Block firstConv = Layers.conv(channels, 3, firstStride);
        Block stemRest = new Sequential().add(Layers.batchNorm()).add(Relu6.block());

        List<Block> stages = new ArrayList<>();
        Sequential stage = new Sequential();
        for (int row = 0; row < TABLE.length; row++) {
            if (isStageStart(row)) {
                stages.add(stage);
                stage = new Sequential();
            }
            int expansion = TABLE[row][0];
            int out = roundToEight(TABLE[row][1] * w);
            for (int i = 0; i < TABLE[row][2]; i++) {
                stage.add(ResidualBlocks.invertedResidual(channels, out, i == 0 ? rowStrides[row] : 1, expansion));
                channels = out;
            }
        }
        stage.add(Layers.conv(roundToEight(LAST_WIDTH * Math.max(1.0, w)), 1, 1))
                .add(Layers.batchNorm())
                .add(Relu6.block());
        stages.add(stage);
        return new TappedCnn(firstConv, stemRest, stages, spec.classes());
    }

    /**
     * The usual MobileNet channel rounding: nearest multiple of 8, at least 8, and never more than
     * 10% below the exact value.
     */
    static int roundToEight(double channels) {
        int rounded = Math.max(8, (int) (channels + 4) / 8 * 8);
        return rounded < 0.9 * channels ? rounded + 8 : rounded;
    }

    private static boolean isStageStart(int row) {
        for (int start : STAGE_STARTS) {
            if (start == row) {
                return true;
            }
        }
        return false;
    }

    private static int[] rowStrides(Stem stem) {
        int[] strides = new int[TABLE.length];
        for (int row = 0; row < TABLE.length; row++) {
            strides[row] = stem != Stem.IMAGENET && row == FIRST_DOWNSAMPLING_ROW ? 1 : TABLE[row][3];
        }
        return strides;
    }

    private static void checkInputSize(BackboneSpec spec, Stem stem, int firstStride, int[] rowStrides) {
        List<String> layers = new ArrayList<>();
        List<Integer> strides = new ArrayList<>();
        layers.add("the first convolution");
        strides.add(firstStride);
        for (int row = 0; row < TABLE.length; row++) {
            layers.add("the " + TABLE[row][1] + "-channel blocks");
            strides.add(rowStrides[row]);
        }
        Backbones.requireRoomToDownsample(spec, stem.label, layers, strides);
    }
}
