package org.pixeldistill.core.model;

import org.pixeldistill.core.config.ModelConfig;

/**
 * Everything needed to build one backbone.
 *
 * @param name one of {@link Backbones#NAMES}: resnet18, resnet34, resnet50, mobilenet_v2, vit_tiny,
 *     vit_small
 * @param inputSize side of the square input image in pixels
 * @param channels 1 (grey) or 3 (colour)
 * @param classes number of output classes
 * @param width channel width multiplier (1.0 = the published widths); lets classroom models train
 *     in minutes on a CPU. For ViTs it scales the embedding dimension (rounded to a multiple of the
 *     head count)
 * @param stem "auto" (small stem up to 32 pixels, half stem up to 64, ImageNet stem above), "imagenet"
 *     (7x7 stride 2 + max-pool), "half" (3x3 stride 2, no max-pool) or "small" (3x3 stride 1, no
 *     max-pool); ignored by ViTs
 * @param patchSize ViT patch size; 0 = choose one that fits the input (16 at 224, down to 1-2 at 7)
 */
public record BackboneSpec(
        String name, int inputSize, int channels, int classes, double width, String stem, int patchSize) {

    /**
     * The backbone a config's model section describes, for data with these channels and classes.
     * Here rather than in config: config is the bottom layer (the user's words, their checks and
     * ConfigException) that model reads to build networks, so the spec is made on this side.
     */
    public static BackboneSpec from(ModelConfig model, int channels, int classes) {
        return new BackboneSpec(model.backbone(), model.inputSize(), channels, classes, model.width(), model.stem(),
                model.patchSize());
    }

    public static BackboneSpec of(String name, int inputSize, int channels, int classes) {
        return new BackboneSpec(name, inputSize, channels, classes, 1.0, "auto", 0);
    }

    public BackboneSpec withInputSize(int size) {
        return new BackboneSpec(name, size, channels, classes, width, stem, patchSize);
    }

    public boolean isVit() {
        return name.startsWith("vit");
    }
}
