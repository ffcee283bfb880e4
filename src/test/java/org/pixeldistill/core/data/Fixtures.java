package org.pixeldistill.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.pixeldistill.core.config.ConfigException;

/** Small images and data sets that tests build for themselves. */
final class Fixtures {
    private Fixtures() {}

    /** A w x h RGB PNG whose pixel (x, y) is (r + x, g + y, b). */
    static Path rgbPng(Path file, int w, int h, int r, int g, int b) {
        return rgbImage(file, "png", w, h, r, g, b);
    }

    /** The same pattern in another ImageIO format ("jpg", "bmp"). */
    static Path rgbImage(Path file, String format, int w, int h, int r, int g, int b) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((r + x) << 16) | ((g + y) << 8) | b);
            }
        }
        return write(img, format, file);
    }

    /** A w x h 8-bit grey PNG of one value. */
    static Path greyPng(Path file, int w, int h, int value) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        return write(img, "png", file);
    }

    static Path corruptFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6, 7});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(BufferedImage img, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An in-memory data set of {@code n} grey {@code size x size} images; image i holds a smooth
     * pattern shifted by i, its label is i (one class per image, so tests can trace each image).
     * Images in {@code broken} throw the decode failure a real file would.
     */
    static ImageDataset traceable(int n, int size, Set<Integer> broken) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("c" + i);
        }
        return new ImageDataset() {
            @Override public String name() { return "traceable"; }
            @Override public int size() { return n; }
            @Override public int label(int index) { return index; }
            @Override public List<String> classNames() { return names; }
            @Override public int channels() { return 1; }

            @Override
            public RawImage image(int index) {
                if (broken.contains(index)) {
                    throw new ConfigException("image " + index + " does not decode");
                }
                float[] p = new float[size * size];
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        p[y * size + x] = (float) (0.5 + 0.4 * Math.sin((x + index) / 3.0) * Math.cos(y / 4.0));
                    }
                }
                return new RawImage(p, 1, size, size);
            }
        };
    }
}
