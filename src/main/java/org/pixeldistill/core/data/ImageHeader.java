package org.pixeldistill.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.pixeldistill.core.config.ConfigException;

/**
 * Reads an image's width and height from its header without decoding the pixels: for annotations
 * that leave the size out, so opening a data set stays cheap, and for the pixel cap checked before a
 * file is decoded ({@link ImagePixels}).
 */
public final class ImageHeader {
    private ImageHeader() {}

    /** {width, height}; a file that is not a readable image gives a ConfigException naming it. */
    public static int[] size(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ConfigException("image " + file + " cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ConfigException("image " + file + " does not decode (unknown format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException("image " + file + " does not decode: " + e.getMessage(), e);
        }
    }
}
