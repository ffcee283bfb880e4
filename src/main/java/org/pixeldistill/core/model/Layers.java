package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

/** Small factories for the layers every backbone repeats, with the initialisation they need. */
final class Layers {

    /**
     * He (Kaiming) normal initialisation, fan-out mode as torchvision uses for ResNets: DJL's Xavier
     * with magnitude 2 over the fan-out is exactly N(0, 2 / (out * k * k)).
     */
    static final Initializer KAIMING =
            new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2);

    /**
     * Classifier heads of the CNNs: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's default for a
     * linear layer; Kaiming would give logits of several units at the start of training.
     */
    static final Initializer LINEAR_DEFAULT =
            new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1);

    /** ViT weights start small (std 0.02, clipped at two sigma) as in the published recipe. */
    static final Initializer VIT_NORMAL = new TruncatedNormalInitializer(0.02f);

    private Layers() {}

    /** A bias-free square convolution; padding k/2 keeps "same" size at stride 1 and ceil(H/s) at stride s. */
    static Conv2d conv(int filters, int kernel, int stride, int groups) {
        Conv2d conv =
                PaddedConv2d.of(Conv2d.builder()
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optPadding(new Shape(kernel / 2, kernel / 2))
                        .setFilters(filters)
                        .optGroups(groups)
                        .optBias(false));
        conv.setInitializer(KAIMING, Parameter.Type.WEIGHT);
        return conv;
    }

    static Conv2d conv(int filters, int kernel, int stride) {
        return conv(filters, kernel, stride, 1);
    }

    /** BatchNorm over channels with DJL's defaults (gamma 1, beta 0, momentum 0.9, eps 1e-5), the usual ones. */
    static Block batchNorm() {
        return new BatchNorm();
    }

    static Linear linear(int units, Initializer weightInit) {
        Linear linear = Linear.builder().setUnits(units).build();
        linear.setInitializer(weightInit, Parameter.Type.WEIGHT);
        return linear;
    }

    /** Output side of a padded convolution or pooling with stride s (PyTorch arithmetic). */
    static long strided(long side, int stride) {
        return (side + stride - 1) / stride;
    }

    /**
     * Global average pooling of (batch, C, H, W) to (batch, C); one axis at a time, as DJL requires.
     * A 1x1 map (the 7 px student's last stage) is its own mean: it is only reshaped, which gives
     * the same numbers as the two means (each a division by 1) with two operations fewer on the
     * gradient tape.
     */
    static NDArray globalAveragePool(NDArray x) {
        Shape shape = x.getShape();
        if (shape.get(2) == 1 && shape.get(3) == 1) {
            return x.reshape(shape.get(0), shape.get(1));
        }
        return x.mean(new int[] {3}).mean(new int[] {2});
    }
}
