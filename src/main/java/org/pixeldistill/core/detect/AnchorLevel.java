package org.pixeldistill.core.detect;

/**
 * One pyramid level as the anchor generator sees it: cells {@code stride} pixels apart on a
 * {@code gridHeight x gridWidth} grid, each carrying anchors whose side is {@code baseSize} times
 * a scale. The grid is kept separate from the stride (rather than derived from an image size) so
 * that a level can be {@link #scaled scaled} for AFP without its cell count changing.
 */
public record AnchorLevel(int stride, int gridHeight, int gridWidth, float baseSize) {

    public AnchorLevel {
        if (stride <= 0 || gridHeight <= 0 || gridWidth <= 0 || !(baseSize > 0)) {
            throw new IllegalArgumentException("anchor level needs positive stride, grid and base size, got "
                    + "stride " + stride + ", grid " + gridHeight + "x" + gridWidth + ", base " + baseSize);
        }
    }

    /**
     * The usual RetinaNet level for an image {@code imageHeight x imageWidth}: one cell per started
     * stride ({@code ceil(size / stride)}, as a stride-s convolution with padding gives) and a base
     * anchor of 4 strides (32 pixels at stride 8).
     */
    public static AnchorLevel forImage(int imageHeight, int imageWidth, int stride) {
        if (imageHeight <= 0 || imageWidth <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageHeight + "x" + imageWidth);
        }
        return new AnchorLevel(stride, ceilDiv(imageHeight, stride), ceilDiv(imageWidth, stride), 4f * stride);
    }

    /**
     * The same grid with stride and base size multiplied by {@code r}: AFP's view of this level from
     * an assistant that sees an image {@code r} times larger. Every anchor of the result is the
     * matching anchor of this level times {@code r}. {@code stride * r} must be a whole number.
     */
    public AnchorLevel scaled(float r) {
        float s = stride * r;
        int rounded = Math.round(s);
        if (!(r > 0) || rounded != s) {
            throw new IllegalArgumentException("stride " + stride + " times " + r + " is not a whole positive stride");
        }
        return new AnchorLevel(rounded, gridHeight, gridWidth, baseSize * r);
    }

    /** Number of cells on this level. */
    public int cells() {
        return gridHeight * gridWidth;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
