package org.pixeldistill.core.model;

/**
 * How much a CNN's stem shrinks the image before stage 1. "auto" picks by input size so that small
 * images keep their pixels: up to {@value #SMALL_LIMIT} pixels nothing is lost (CIFAR-style), up to
 * {@value #HALF_LIMIT} the side is halved once, above that the ImageNet stem divides it by 4. With
 * that rule a 56-pixel detector student sees stage-1 cells of the same count as a 112-pixel teacher
 * with the ImageNet stem, which is what lets their pyramid grids line up for AFP.
 */
enum Stem {
    /** 3x3 stride 1, no max-pool. */
    SMALL("small", 1),
    /** 3x3 stride 2, no max-pool (for ResNets); MobileNet keeps its first block row at stride 1. */
    HALF("half", 2),
    /** 7x7 stride 2 + 3x3/2 max-pool for ResNets, the published layouts. */
    IMAGENET("imagenet", 4);

    static final int SMALL_LIMIT = 32;
    static final int HALF_LIMIT = 64;

    final String label;
    /** The factor by which the stem divides the image side. */
    final int stride;

    Stem(String label, int stride) {
        this.label = label;
        this.stride = stride;
    }

    static Stem of(BackboneSpec spec) {
        return switch (spec.stem()) {
            case "small" -> SMALL;
            case "half" -> HALF;
            case "imagenet" -> IMAGENET;
            default -> spec.inputSize() <= SMALL_LIMIT ? SMALL : spec.inputSize() <= HALF_LIMIT ? HALF : IMAGENET;
        };
    }
}
