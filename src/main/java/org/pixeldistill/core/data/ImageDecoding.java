package org.pixeldistill.core.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;

/**
 * Decodes PNG, JPEG and BMP files into RGB {@link RawImage}s with values in [0, 1]. Public so the
 * detection readers decode exactly as the classification ones do.
 */
public final class ImageDecoding {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    private ImageDecoding() {}

    static boolean isImageFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && Files.isRegularFile(file);
    }

    /** Three channels always: a grey image is replicated, alpha is dropped; at most the default pixel cap. */
    public static RawImage readRgb(Path file) {
        return readRgb(file, DataConfig.DEFAULT_MAX_IMAGE_PIXELS);
    }

    /**
     * As {@link #readRgb(Path)}, refusing a file whose header declares more than {@code maxPixels}
     * pixels before a byte of it is decoded ({@link ImageTooLargeException}, naming the file).
     */
    public static RawImage readRgb(Path file, long maxPixels) {
        ImagePixels.check(file, maxPixels);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // Decoders throw unchecked exceptions on some damaged files too; all mean "does not decode".
            throw new ConfigException("image " + file + " does not decode: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new ConfigException("image " + file + " does not decode (unknown format)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int plane = w * h;
        float[] pixels = new float[3 * plane];
        if (isGrey(img)) {
            // getRGB would push grey through a colour-space conversion and change the values.
            Raster raster = img.getRaster();
            float max = (1 << img.getColorModel().getComponentSize(0)) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x] / max;
                    pixels[y * w + x] = v;
                    pixels[plane + y * w + x] = v;
                    pixels[2 * plane + y * w + x] = v;
                }
            }
        } else {
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            for (int p = 0; p < plane; p++) {
                int c = argb[p];
                pixels[p] = ((c >> 16) & 0xff) / 255f;
                pixels[plane + p] = ((c >> 8) & 0xff) / 255f;
                pixels[2 * plane + p] = (c & 0xff) / 255f;
            }
        }
        return new RawImage(pixels, 3, h, w);
    }

    private static boolean isGrey(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        return cm.getColorSpace().getNumComponents() == 1 && !(cm instanceof IndexColorModel);
    }
}
