package org.pixeldistill.core.data;

/**
 * One decoded image at its stored size: pixels in [0, 1], channel-major (C x H x W), not
 * normalised yet.
 */
public record RawImage(float[] pixels, int channels, int height, int width) {
    public RawImage {
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException(
                    "pixel count " + pixels.length + " != " + channels + "x" + height + "x" + width);
        }
    }

    public float at(int c, int y, int x) {
        return pixels[(c * height + y) * width + x];
    }
}
