package org.pixeldistill.core.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch name of every parameter of a built backbone, as torchvision or timm spell it, found
 * by walking the project's own blocks in order (their DJL names, "02stem_01BatchNorm_gamma", say
 * nothing a published file could match). ResNets use torchvision's names, which timm shares;
 * MobileNetV2 has both spellings; ViTs use timm's.
 */
final class TorchNames {

    /** Repeats of each MobileNetV2 table row: timm numbers blocks by row and repeat. */
    private static final int[] MOBILENET_ROWS = {1, 2, 3, 4, 3, 3, 1};

    /** Name layouts: which library's state_dict keys. */
    enum Flavour { TORCHVISION, TIMM }

    /**
     * @param params torch name to parameter, in the network's order
     * @param firstConv the torch name of the first convolution's weight
     * @param headPrefix the classifier's torch prefix ("fc", "classifier.1", "classifier", "head")
     */
    record Layout(Map<String, Parameter> params, String firstConv, String headPrefix, Flavour flavour) {}

    private final Map<String, Parameter> params = new LinkedHashMap<>();

    private TorchNames() {}

    /** The layout of {@code block}, an initialised backbone built from {@code spec}. */
    static Layout of(Block block, BackboneSpec spec, Flavour flavour) {
        TorchNames names = new TorchNames();
        if (block instanceof VisionTransformer vit) {
            names.vit(vit);
            return new Layout(names.params, "patch_embed.proj.weight", "head", Flavour.TIMM);
        }
        List<Block> parts = children(block); // firstConv, stem, stage1..N, head
        List<Block> stages = parts.subList(2, parts.size() - 1);
        Block head = parts.get(parts.size() - 1);
        if ("mobilenet_v2".equals(spec.name())) {
            boolean timm = flavour == Flavour.TIMM;
            names.layer(timm ? "conv_stem" : "features.0.0", parts.get(0));
            names.layer(timm ? "bn1" : "features.0.1", layers(parts.get(1)).get(0));
            names.mobileNetStages(stages, timm);
            String headName = timm ? "classifier" : "classifier.1";
            names.layer(headName, head);
            return new Layout(names.params, (timm ? "conv_stem" : "features.0.0") + ".weight", headName, flavour);
        }
        names.layer("conv1", parts.get(0));
        names.layer("bn1", layers(parts.get(1)).get(0));
        for (int s = 0; s < stages.size(); s++) {
            List<Block> units = children(stages.get(s));
            for (int u = 0; u < units.size(); u++) {
                names.resnetUnit("layer" + (s + 1) + "." + u + ".", (ResidualBlock) units.get(u));
            }
        }
        names.layer("fc", head);
        return new Layout(names.params, "conv1.weight", "fc", Flavour.TORCHVISION);
    }

    private void resnetUnit(String prefix, ResidualBlock unit) {
        List<Block> sides = children(unit); // main, then shortcut when it projects
        List<Block> main = layers(sides.get(0));
        for (int i = 0; i < main.size(); i++) {
            layer(prefix + (i % 2 == 0 ? "conv" : "bn") + (i / 2 + 1), main.get(i));
        }
        if (sides.size() > 1) {
            List<Block> shortcut = layers(sides.get(1));
            layer(prefix + "downsample.0", shortcut.get(0));
            layer(prefix + "downsample.1", shortcut.get(1));
        }
    }

    private void mobileNetStages(List<Block> stages, boolean timm) {
        int index = 1; // torchvision's features.N
        for (Block stage : stages) {
            List<Block> lastLayers = new ArrayList<>();
            for (Block unit : children(stage)) {
                if (unit instanceof ResidualBlock || unit instanceof SequentialBlock) {
                    invertedResidual(index++, layers(unit), timm);
                } else if (isLayer(unit)) {
                    lastLayers.add(unit); // the final 1x1 convolution and its BN
                }
            }
            if (!lastLayers.isEmpty()) {
                layer(timm ? "conv_head" : "features." + index + ".0", lastLayers.get(0));
                layer(timm ? "bn2" : "features." + index + ".1", lastLayers.get(1));
            }
        }
    }

    /** Four layers when the expansion is 1 (depthwise, BN, project, BN), six otherwise. */
    private void invertedResidual(int index, List<Block> layers, boolean timm) {
        String[] names;
        String prefix;
        if (timm) {
            int row = 0;
            int first = 1;
            while (index >= first + MOBILENET_ROWS[row]) {
                first += MOBILENET_ROWS[row++];
            }
            prefix = "blocks." + row + "." + (index - first) + ".";
            names = layers.size() == 4 ? new String[] {"conv_dw", "bn1", "conv_pw", "bn2"}
                    : new String[] {"conv_pw", "bn1", "conv_dw", "bn2", "conv_pwl", "bn3"};
        } else {
            prefix = "features." + index + ".";
            names = layers.size() == 4 ? new String[] {"conv.0.0", "conv.0.1", "conv.1", "conv.2"}
                    : new String[] {"conv.0.0", "conv.0.1", "conv.1.0", "conv.1.1", "conv.2", "conv.3"};
        }
        for (int i = 0; i < layers.size(); i++) {
            layer(prefix + names[i], layers.get(i));
        }
    }

    private void vit(VisionTransformer vit) {
        Map<String, Parameter> direct = new LinkedHashMap<>();
        vit.getDirectParameters().forEach(p -> direct.put(p.getKey(), p.getValue()));
        List<Block> parts = children(vit); // patchEmbedding, block1..N, finalNorm, head
        layer("patch_embed.proj", parts.get(0));
        params.put("cls_token", direct.get("classToken"));
        params.put("pos_embed", direct.get("positions"));
        String[] blockNames = {"norm1", "attn.qkv", "attn.proj", "norm2", "mlp.fc1", "mlp.fc2"};
        for (int b = 1; b < parts.size() - 2; b++) {
            List<Block> layers = layers(parts.get(b));
            for (int i = 0; i < layers.size(); i++) {
                layer("blocks." + (b - 1) + "." + blockNames[i], layers.get(i));
            }
        }
        layer("norm", parts.get(parts.size() - 2));
        layer("head", parts.get(parts.size() - 1));
    }

    /** One layer's parameters under PyTorch's names: gamma/beta are weight/bias, running stats snake-cased. */
    private void layer(String prefix, Block layer) {
        layer.getDirectParameters().forEach(p -> params.put(prefix + "." + torchSuffix(p.getKey()), p.getValue()));
    }

    static String torchSuffix(String djlName) {
        return switch (djlName) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> djlName;
        };
    }

    /** The parameterised layers under {@code block}, depth first in forward order. */
    private static List<Block> layers(Block block) {
        List<Block> out = new ArrayList<>();
        if (isLayer(block)) {
            out.add(block);
        } else {
            for (Block child : children(block)) {
                out.addAll(layers(child));
            }
        }
        return out;
    }

    private static boolean isLayer(Block block) {
        return block instanceof Conv2d || block instanceof Linear || block instanceof BatchNorm
                || block instanceof LayerNorm;
    }

    private static List<Block> children(Block block) {
        return new ArrayList<>(block.getChildren().values());
    }
}
