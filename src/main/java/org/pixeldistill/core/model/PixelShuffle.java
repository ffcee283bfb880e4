package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Sub-pixel rearrangement between channels and space, laid out as PyTorch's {@code
 * pixel_shuffle}/{@code pixel_unshuffle}. DJL 0.29 has no working built-in, so both directions are
 * a reshape, a transpose and a reshape (views plus one copy; gradients pass through).
 */
public final class PixelShuffle {
    private PixelShuffle() {}

    /**
     * (b, c*s*s, h, w) -> (b, c, h*s, w*s): channel {@code k*s*s + i*s + j} becomes the pixel at
     * offset (i, j) inside each s x s block of output channel k.
     */
    public static NDArray shuffle(NDArray x, int s) {
        Shape shape = requireNchw(x, s);
        long b = shape.get(0);
        long h = shape.get(2);
        long w = shape.get(3);
        long sq = (long) s * s;
        if (shape.get(1) % sq != 0) {
            throw new IllegalArgumentException(
                    "pixel shuffle by " + s + " needs channels divisible by " + sq + ", got " + shape);
        }
        long c = shape.get(1) / sq;
        return x.reshape(b, c, s, s, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, c, h * s, w * s);
    }

    /** The inverse of {@link #shuffle}: (b, c, h*s, w*s) -> (b, c*s*s, h, w). */
    public static NDArray unshuffle(NDArray x, int s) {
        Shape shape = requireNchw(x, s);
        if (shape.get(2) % s != 0 || shape.get(3) % s != 0) {
            throw new IllegalArgumentException(
                    "pixel unshuffle by " + s + " needs height and width divisible by " + s + ", got " + shape);
        }
        long b = shape.get(0);
        long c = shape.get(1);
        long h = shape.get(2) / s;
        long w = shape.get(3) / s;
        return x.reshape(b, c, h, s, w, s).transpose(0, 1, 3, 5, 2, 4).reshape(b, c * s * s, h, w);
    }

    private static Shape requireNchw(NDArray x, int s) {
        if (s < 1) {
            throw new IllegalArgumentException("pixel shuffle factor must be at least 1, got " + s);
        }
        Shape shape = x.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("pixel shuffle needs a batch x C x H x W array, got " + shape);
        }
        return shape;
    }
}
