package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic between an array and a Java number that is safe on the gradient tape. Use it instead
 * of DJL's {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)}
 * and {@code minimum(Number)}: those wrap the number in a 0-d tensor over a Java direct buffer
 * (torch::from_blob) and close it at once, while autograd keeps that tensor for the backward pass
 * (a product's gradient needs its factor). Once the garbage collector frees the buffer, the
 * backward pass reads whatever the memory holds by then, often another such number: random
 * gradients and NaN losses a batch or two later, more often the more the JVM collects. Here the
 * number lives in a tensor that libtorch allocated and reference-counts itself, so autograd keeps
 * it alive for as long as it needs it and closing our handle right away is safe.
 * ScalarArithmeticTest keeps the project free of the unsafe overloads.
 */
public final class Scalars {
    private Scalars() {}

    /** A 0-d array holding {@code value} in {@code like}'s type and device, in memory libtorch owns. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    public static NDArray mul(NDArray x, double factor) {
        try (NDArray s = of(x, factor)) {
            return x.mul(s);
        }
    }

    public static NDArray div(NDArray x, double divisor) {
        try (NDArray s = of(x, divisor)) {
            return x.div(s);
        }
    }

    public static NDArray pow(NDArray x, double exponent) {
        try (NDArray s = of(x, exponent)) {
            return x.pow(s);
        }
    }

    /** Elementwise max(x, floor). */
    public static NDArray maximum(NDArray x, double floor) {
        try (NDArray s = of(x, floor)) {
            return x.maximum(s);
        }
    }

    /** Elementwise min(x, ceiling). */
    public static NDArray minimum(NDArray x, double ceiling) {
        try (NDArray s = of(x, ceiling)) {
            return x.minimum(s);
        }
    }
}
