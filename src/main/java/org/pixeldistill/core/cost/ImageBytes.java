package org.pixeldistill.core.cost;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.ImageDataset;

/**
 * Pixels and bytes of one image at {@code size x size}, averaged over test images of a data set
 * (see {@link ImageEncoding} for how each is resized and encoded).
 *
 * @param size side of the square image in pixels
 * @param channels samples per pixel of the images (1 grey, 3 colour)
 * @param images how many test images the averages are taken over
 * @param png mean bytes of the PNG files
 * @param jpeg mean bytes of the JPEG files at {@code jpegQuality}
 * @param jpegQuality 1-100
 */
public record ImageBytes(int size, int channels, int images, double png, double jpeg, int jpegQuality) {
    public static final int DEFAULT_IMAGES = 200;
    public static final int DEFAULT_JPEG_QUALITY = 75;

    private record Key(String dataset, int size, int quality, int images) {}

    private static final Map<Key, ImageBytes> CACHE = new ConcurrentHashMap<>();

    /** Pixels per image (a sensor needs this many, per channel). */
    public long pixels() {
        return (long) size * size;
    }

    /** Uncompressed 8-bit samples: channels x size x size. */
    public long raw() {
        return channels * pixels();
    }

    /** Bytes per image in an encoding: raw | png | jpeg (as {@link CostModel#ENCODINGS}). */
    public double in(String encoding) {
        return switch (encoding) {
            case "raw" -> raw();
            case "png" -> png;
            case "jpeg" -> jpeg;
            default -> throw new IllegalArgumentException("unknown encoding " + encoding);
        };
    }

    /**
     * Encodes up to {@code maxImages} test images, spread evenly over the split (so sets stored
     * class by class contribute every class), and averages their sizes.
     */
    public static ImageBytes measure(ImageDataset test, int size, int jpegQuality, int maxImages) {
        Check.atLeast("size", size, 1);
        Check.range("jpeg_quality", jpegQuality, 1, 100);
        Check.atLeast("images", maxImages, 1);
        if (test.size() == 0) {
            throw new ConfigException("data set " + test.name() + " has no test images to measure bytes on");
        }
        int n = Math.min(maxImages, test.size());
        long png = 0;
        long jpeg = 0;
        for (int i = 0; i < n; i++) {
            BufferedImage image = ImageEncoding.resized(test.image((int) ((long) i * test.size() / n)), size);
            png += ImageEncoding.png(image).length;
            jpeg += ImageEncoding.jpeg(image, jpegQuality).length;
        }
        return new ImageBytes(size, test.channels(), n, (double) png / n, (double) jpeg / n, jpegQuality);
    }

    /**
     * {@link #measure} remembered for the life of the JVM per (data set, size, quality, image
     * count), so that a sweep or the GUI measures each size once. {@code dataset} names the test
     * images (their folder, say); they are opened only when not cached.
     */
    public static ImageBytes cached(
            String dataset, Supplier<ImageDataset> test, int size, int jpegQuality, int maxImages) {
        Key key = new Key(dataset, size, jpegQuality, maxImages);
        ImageBytes known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        ImageBytes measured = measure(test.get(), size, jpegQuality, maxImages);
        CACHE.putIfAbsent(key, measured);
        return measured;
    }
}
