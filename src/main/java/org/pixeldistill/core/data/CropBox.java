package org.pixeldistill.core.data;

/**
 * A rectangle of a source image in pixel units: the left edge of pixel column {@code j} is at
 * {@code x = j}. It may reach past the image, where the picture counts as 0 (black, before
 * normalisation).
 */
public record CropBox(float x0, float y0, float w, float h) {
    public CropBox {
        if (!(w > 0 && h > 0)) {
            throw new IllegalArgumentException("crop box needs a positive size, got " + w + "x" + h);
        }
    }

    /** The whole image. */
    public static CropBox of(RawImage img) {
        return new CropBox(0, 0, img.width(), img.height());
    }
}
