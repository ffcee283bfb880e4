package org.pixeldistill.core.cost;

/**
 * What a network costs per image, counted from the built network by {@link NetworkCounter}.
 *
 * @param params trained parameters: every parameter array that receives gradients (weights,
 *     biases, BatchNorm/LayerNorm scale and shift, a ViT's class token and position embeddings);
 *     BatchNorm's running mean and variance are statistics, not parameters, and are left out
 * @param macs multiply-accumulates for one image: convolutions, linear layers and the two
 *     attention products; normalisation, activations, pooling and additions count 0
 * @param activationBytes an estimate of activation memory at batch 1 in float32: the largest
 *     (input + output) of any single leaf layer, in bytes. It ignores what a framework keeps alive
 *     across layers (skip connections, autograd buffers), so treat it as an order of magnitude
 */
public record NetworkCost(long params, long macs, long activationBytes) {

    /** Multiply-accumulates in units of 10^9. */
    public double gmacs() {
        return macs / 1e9;
    }

    /** Parameters in units of 10^6. */
    public double mParams() {
        return params / 1e6;
    }
}
