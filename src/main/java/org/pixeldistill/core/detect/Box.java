package org.pixeldistill.core.detect;

/**
 * An axis-aligned box in pixel units, corners {@code (x0, y0)} to {@code (x1, y1)}, with the same
 * convention as {@link org.pixeldistill.core.data.CropBox}: the left edge of pixel column
 * {@code j} is at {@code x = j}, so a box around exactly that pixel is {@code (j, y, j + 1, y + 1)}.
 */
public record Box(float x0, float y0, float x1, float y1) {
    public float width() {
        return x1 - x0;
    }

    public float height() {
        return y1 - y0;
    }

    /** 0 for a degenerate box (no width or no height), never negative. */
    public float area() {
        return Math.max(0f, width()) * Math.max(0f, height());
    }

    public float centerX() {
        return (x0 + x1) / 2f;
    }

    public float centerY() {
        return (y0 + y1) / 2f;
    }

    /** Intersection over union; 0 when either box is degenerate. */
    public float iou(Box o) {
        float iw = Math.min(x1, o.x1) - Math.max(x0, o.x0);
        float ih = Math.min(y1, o.y1) - Math.max(y0, o.y0);
        if (iw <= 0 || ih <= 0) {
            return 0f;
        }
        float inter = iw * ih;
        float union = area() + o.area() - inter;
        return union <= 0 ? 0f : inter / union;
    }

    /** Every coordinate multiplied by {@code factor}: the same box on an image resized by that factor. */
    public Box scaled(float factor) {
        return new Box(x0 * factor, y0 * factor, x1 * factor, y1 * factor);
    }

    /** Mirrored left-right inside an image {@code imageWidth} wide. */
    public Box flippedX(float imageWidth) {
        return new Box(imageWidth - x1, y0, imageWidth - x0, y1);
    }

    /** The part inside {@code [0, width] x [0, height]} (may be degenerate). */
    public Box clipped(float width, float height) {
        return new Box(clamp(x0, width), clamp(y0, height), clamp(x1, width), clamp(y1, height));
    }

    public boolean isDegenerate() {
        return !(x1 > x0 && y1 > y0);
    }

    private static float clamp(float v, float max) {
        return Math.max(0f, Math.min(max, v));
    }
}
