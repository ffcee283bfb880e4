package org.pixeldistill.core.data;

import java.nio.file.Path;
import java.util.Locale;
import org.pixeldistill.core.config.ConfigException;

/**
 * Reads an image's width and height from its header, without decoding it, to refuse a file whose
 * pixels would not fit in memory before they are allocated (a small PNG of one colour can declare
 * 20000x20000 pixels: 4.8 GB as RGB floats).
 */
final class ImagePixels {
    private ImagePixels() {}

    /** Throws {@link ImageTooLargeException} naming the file when it declares more than {@code max} pixels. */
    static void check(Path file, long max) {
        long[] size = size(file);
        if (size == null) {
            return; // no header reader: the decoder says what is wrong with the file
        }
        long pixels = size[0] * size[1];
        if (pixels > max) {
            throw new ImageTooLargeException(String.format(Locale.ROOT,
                    "image %s is %dx%d (%.1f megapixels), more than data.max_image_pixels = %d; shrink the"
                            + " file, remove it or raise data.max_image_pixels", file, size[0], size[1], pixels / 1e6,
                    max));
        }
    }

    /** {width, height} from the header, or null when no reader recognises the file or its header is damaged. */
    private static long[] size(Path file) {
        try {
            int[] size = ImageHeader.size(file);
            return new long[] {size[0], size[1]};
        } catch (ConfigException e) {
            return null; // decoding reports it the way every undecodable file is reported
        }
    }
}
