package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * What a backbone's forward pass exposes to the distillers.
 *
 * <p>Every backbone block returns an {@link NDList} laid out as {@code [logits, f0, stage1, ...,
 * stageN]}: logits (batch x classes); {@code f0}, the input module's output (for a CNN the first
 * convolution's output before BatchNorm/ReLU, for a ViT the patch tokens with position embedding,
 * class token dropped, reshaped to batch x D x g x g); then each stage's output (batch x C x H x W;
 * a ViT reports its blocks grouped into stages, tokens reshaped the same way as f0).
 */
public record FeatureTaps(NDArray logits, NDArray f0, List<NDArray> stages) {

    public static FeatureTaps of(NDList output) {
        if (output.size() < 2) {
            throw new IllegalArgumentException("a backbone must return at least [logits, f0]");
        }
        return new FeatureTaps(output.get(0), output.get(1), output.subNDList(2));
    }

    public NDList toNDList() {
        NDList list = new NDList(logits, f0);
        list.addAll(stages);
        return list;
    }

    /** The last stage's feature map, the one most distillers compare. */
    public NDArray lastStage() {
        return stages.get(stages.size() - 1);
    }
}
