package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ModelConfig;

/**
 * Builds the backbones by name. Every block returned takes (batch, C, S, S) images and returns
 * {@code [logits, f0, stage1, ..., stage4]} (see {@link FeatureTaps}); it comes uninitialised, to be
 * initialised with {@code block.initialize(manager, DataType.FLOAT32, new Shape(1, C, S, S))}.
 */
public final class Backbones {

    public static final List<String> NAMES =
            List.of("resnet18", "resnet34", "resnet50", "mobilenet_v2", "vit_tiny", "vit_small");

    private static final int MAX_AUTO_PATCH = 16;
    private static final int MIN_AUTO_GRID = 3;

    private Backbones() {}

    /** An uninitialised block for the spec; ConfigException for an unknown name or too small an input. */
    public static Block create(BackboneSpec spec) {
        requireKnown(spec.name());
        Check.atLeast("input_size", spec.inputSize(), 1);
        Check.atLeast("channels", spec.channels(), 1);
        Check.atLeast("classes", spec.classes(), 1);
        if (!(spec.width() > 0)) {
            throw new ConfigException("width must be > 0, got " + spec.width());
        }
        if (!spec.isVit()) {
            Check.oneOf("stem", spec.stem(), ModelConfig.STEMS);
        }
        return switch (spec.name()) {
            case "resnet18" -> ResNet.build(spec, new int[] {2, 2, 2, 2}, false);
            case "resnet34" -> ResNet.build(spec, new int[] {3, 4, 6, 3}, false);
            case "resnet50" -> ResNet.build(spec, new int[] {3, 4, 6, 3}, true);
            case "mobilenet_v2" -> MobileNetV2.build(spec);
            case "vit_tiny" -> vit(spec, 192, 3);
            case "vit_small" -> vit(spec, 384, 6);
            default -> throw new IllegalStateException("no builder for " + spec.name());
        };
    }

    /**
     * The patch size used when none is given: the largest power of two that still leaves a grid
     * of at least 3x3 patches, capped at 16 (224 -> 16, 56 -> 16, 28 -> 8, 14 -> 4, 7 -> 2).
     */
    public static int autoPatchSize(int inputSize) {
        int patch = 1;
        while (patch < MAX_AUTO_PATCH && inputSize / (patch * 2) >= MIN_AUTO_GRID) {
            patch *= 2;
        }
        return patch;
    }

    /** One line about a backbone, for an {@code info} command. */
    public static String describe(String name) {
        requireKnown(name);
        return name + ": " + switch (name) {
            case "resnet18" -> "ResNet-18, basic residual blocks 2-2-2-2, 64-512 channels, 11.7M parameters at width 1";
            case "resnet34" -> "ResNet-34, basic residual blocks 3-4-6-3, 64-512 channels, 21.8M parameters at width 1";
            case "resnet50" -> "ResNet-50, bottleneck blocks 3-4-6-3, 256-2048 channels, 25.6M parameters at width 1";
            case "mobilenet_v2" -> "MobileNetV2, inverted residuals with ReLU6, 16-320 channels + 1280, 3.5M parameters at width 1";
            case "vit_tiny" -> "ViT-Tiny, 12 pre-LN blocks, dim 192, 3 heads, MLP 768, 5.7M parameters at width 1";
            case "vit_small" -> "ViT-Small, 12 pre-LN blocks, dim 384, 6 heads, MLP 1536, 22M parameters at width 1";
            default -> throw new IllegalStateException(name);
        } + " (1000 classes)";
    }

    /** The stem a CNN spec builds ("auto" resolved by input size: small, half or imagenet); "none" for a ViT. */
    public static String resolvedStem(BackboneSpec spec) {
        return spec.isVit() ? "none" : Stem.of(spec).label;
    }

    /**
     * Whether {@code block} is this project's multi-head self-attention, whose two token-by-token
     * products (QK^T and weights x V) hold no parameters: a cost counter must add them itself.
     */
    public static boolean isSelfAttention(Block block) {
        return block instanceof MultiHeadSelfAttention;
    }

    /** Runs a backbone and names its outputs. */
    public static FeatureTaps forward(Block block, ParameterStore ps, NDArray x, boolean training) {
        return FeatureTaps.of(block.forward(ps, new NDList(x), training));
    }

    /** Whether {@code backbone} is one of this project's CNNs (ResNet, MobileNetV2), not a ViT. */
    public static boolean isCnn(Block backbone) {
        return backbone instanceof TappedCnn;
    }

    /**
     * For Grad-CAM: runs a CNN backbone from the output of stage {@code stage} (1-based; the last
     * stage runs only the head) through the remaining stages, global average pooling and the linear
     * head, and returns the logits. Starting from a detached copy of the stage's output that requires
     * a gradient is what gives that output a gradient (marking the non-leaf original gives zeros).
     *
     * @throws IllegalArgumentException for a ViT (its head reads the class token, not a pooled map)
     *     or a stage outside 1..number of stages
     */
    public static NDArray logitsFromStage(Block backbone, ParameterStore ps, NDArray stageOutput, int stage,
            boolean training) {
        if (!(backbone instanceof TappedCnn cnn)) {
            throw new IllegalArgumentException("logitsFromStage needs a CNN backbone, got "
                    + backbone.getClass().getSimpleName());
        }
        return cnn.logitsFromStage(ps, stageOutput, stage, training);
    }

    /**
     * Follows the map side through the listed layers (padded, so each gives ceil(side/stride)) and
     * refuses a stride-2 layer that would receive a 1x1 map: from there on the network only sees
     * padding, which means the input is too small for this layout.
     */
    static void requireRoomToDownsample(BackboneSpec spec, String stem, List<String> layers, List<Integer> strides) {
        long side = spec.inputSize();
        for (int i = 0; i < layers.size(); i++) {
            int stride = strides.get(i);
            if (stride > 1 && side < 2) {
                String remedy = "small".equals(stem) ? "use a larger input" : "use a larger input or stem: small";
                throw tooSmall(spec, "with the " + stem + " stem " + layers.get(i)
                        + " would downsample a 1x1 map (" + remedy + ")");
            }
            side = Layers.strided(side, stride);
        }
    }

    static ConfigException tooSmall(BackboneSpec spec, String why) {
        return new ConfigException("input_size " + spec.inputSize() + " is too small for " + spec.name() + ": " + why);
    }

    private static Block vit(BackboneSpec spec, int baseDim, int heads) {
        int patch = spec.patchSize() > 0 ? spec.patchSize() : autoPatchSize(spec.inputSize());
        if (patch > spec.inputSize()) {
            throw tooSmall(spec, "patch_size " + patch + " is larger than the image (use patch_size <= "
                    + spec.inputSize() + ", or 0 to choose one)");
        }
        int dim = Math.max(heads, (int) Math.round(baseDim * spec.width() / heads) * heads);
        return new VisionTransformer(dim, 12, heads, 4 * dim, patch, spec.classes());
    }

    private static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new ConfigException("unknown backbone '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }
}
