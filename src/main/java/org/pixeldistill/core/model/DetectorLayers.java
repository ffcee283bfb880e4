package org.pixeldistill.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;

/**
 * The detector's convolutions. Unlike the backbones' they carry a bias (no BatchNorm follows
 * them). The heads start as RetinaNet's do, weights N(0, 0.01) and bias 0, which keeps the shared
 * heads' first outputs small on every level; the pyramid's start He-initialised like the backbone,
 * so its levels carry the backbone's signal at its scale instead of a hundredth of it.
 */
final class DetectorLayers {
    private DetectorLayers() {}

    static Conv2d conv(int filters, int kernel) {
        return conv(filters, kernel, 0f);
    }

    static Conv2d pyramidConv(int filters, int kernel) {
        Conv2d conv = conv(filters, kernel, 0f);
        conv.setInitializer(Layers.KAIMING, Parameter.Type.WEIGHT);
        return conv;
    }

    /** A "same" convolution with its bias set to {@code bias} (the class output's prior). */
    static Conv2d conv(int filters, int kernel, float bias) {
        Conv2d conv = PaddedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters));
        conv.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
        conv.setInitializer(new ConstantInitializer(bias), Parameter.Type.BIAS);
        return conv;
    }
}
