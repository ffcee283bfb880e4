package org.pixeldistill.core.config;

import java.util.List;

/**
 * The network being trained, as the user wrote it. Channels and classes come from the data set;
 * {@code BackboneSpec.from} turns the two into what builds the network.
 *
 * @param backbone resnet18 | resnet34 | resnet50 | mobilenet_v2 | vit_tiny | vit_small
 * @param inputSize side of the input image in pixels
 * @param width channel width multiplier (1 = published widths)
 * @param stem auto | imagenet | half | small (CNNs only)
 * @param patchSize ViT patch size, 0 = fit the input
 */
public record ModelConfig(String backbone, Integer inputSize, Double width, String stem, Integer patchSize) {
    public ModelConfig withInputSize(int size) {
        return new ModelConfig(backbone, size, width, stem, patchSize);
    }

    public static final List<String> STEMS = List.of("auto", "imagenet", "half", "small");

    public ModelConfig {
        backbone = backbone == null ? "resnet18" : backbone;
        inputSize = inputSize == null ? 28 : inputSize;
        width = width == null ? 1.0 : width;
        stem = stem == null ? "auto" : stem;
        patchSize = patchSize == null ? 0 : patchSize;
    }

    public void validate(String prefix) {
        Check.range(prefix + ".input_size", inputSize, 1, 4096);
        Check.range(prefix + ".width", width, 0.05, 4.0);
        Check.oneOf(prefix + ".stem", stem, STEMS);
        Check.atLeast(prefix + ".patch_size", patchSize, 0);
    }
}
