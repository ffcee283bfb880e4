package org.pixeldistill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param weights pretrained weights to start from: a .safetensors or .npz file under torchvision's or
 *     timm's names (see PretrainedWeights); null = random initialisation
 */
public record ModelConfig(String backbone, Integer inputSize, Double width, String stem, Integer patchSize,
        // left out when absent, so configs without weights (and their hashes) read as before
        @JsonInclude(JsonInclude.Include.NON_NULL) String weights) {

    /** A network initialised at random. */
    public ModelConfig(String backbone, Integer inputSize, Double width, String stem, Integer patchSize) {
        this(backbone, inputSize, width, stem, patchSize, null);
    }

    public ModelConfig withInputSize(int size) {
        return new ModelConfig(backbone, size, width, stem, patchSize, weights);
    }

    public ModelConfig withWeights(String file) {
        return new ModelConfig(backbone, inputSize, width, stem, patchSize, file);
    }

    public static final List<String> STEMS = List.of("auto", "imagenet", "half", "small");

    /**
     * The largest input side a network is built for. Four times CUB's 224 and three times VOC's 320
     * teacher; a ResNet-50 at 4096 (the earlier limit) did not fit in the memory of the machine it
     * was tried on, and the cost command at 100000 asked libtorch for 640 GB.
     */
    public static final int MAX_INPUT_SIZE = 1024;

    public ModelConfig {
        backbone = backbone == null ? "resnet18" : backbone;
        inputSize = inputSize == null ? 28 : inputSize;
        width = width == null ? 1.0 : width;
        stem = stem == null ? "auto" : stem;
        patchSize = patchSize == null ? 0 : patchSize;
        weights = weights == null || weights.isBlank() ? null : weights.strip();
    }

    public void validate(String prefix) {
        Check.range(prefix + ".input_size", inputSize, 1, MAX_INPUT_SIZE);
        Check.range(prefix + ".width", width, 0.05, 4.0);
        Check.oneOf(prefix + ".stem", stem, STEMS);
        Check.atLeast(prefix + ".patch_size", patchSize, 0);
    }
}
