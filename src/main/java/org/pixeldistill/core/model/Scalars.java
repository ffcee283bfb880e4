package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.BinaryOperator;

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
        return withScalar(x, factor, NDArray::mul);
    }

    public static NDArray div(NDArray x, double divisor) {
        return withScalar(x, divisor, NDArray::div);
    }

    public static NDArray pow(NDArray x, double exponent) {
        return withScalar(x, exponent, NDArray::pow);
    }

    /** Elementwise max(x, floor). */
    public static NDArray maximum(NDArray x, double floor) {
        return withScalar(x, floor, NDArray::maximum);
    }

    /** Elementwise min(x, ceiling). */
    public static NDArray minimum(NDArray x, double ceiling) {
        return withScalar(x, ceiling, NDArray::minimum);
    }

    /** {@code op(x, value)} with the value as a libtorch-owned 0-d array, closed once the op holds it. */
    private static NDArray withScalar(NDArray x, double value, BinaryOperator<NDArray> op) {
        try (NDArray s = of(x, value)) {
            return op.apply(x, s);
        }
    }
}
