package org.pixeldistill.core.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Tiny images and annotation files that the detection tests write for themselves. */
final class DetectionFixtures {
    private DetectionFixtures() {}

    /** A w x h RGB image ("png" or "jpg") of one grey value. */
    static Path image(Path file, String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0x808080);
            }
        }
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

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that start like a PNG and then stop making sense. */
    static Path corrupt(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6, 7});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A VOC {@code <object>}; the corners are written as given (1-based, inclusive). */
    static String vocObject(String name, boolean difficult, double xmin, double ymin, double xmax, double ymax) {
        return "<object><name>" + name + "</name><pose>Unspecified</pose><truncated>0</truncated><difficult>"
                + (difficult ? 1 : 0) + "</difficult><bndbox><xmin>" + num(xmin) + "</xmin><ymin>" + num(ymin)
                + "</ymin><xmax>" + num(xmax) + "</xmax><ymax>" + num(ymax) + "</ymax></bndbox></object>\n";
    }

    /** A VOC annotation; {@code w} or {@code h} of 0 leaves the {@code <size>} element out. */
    static String vocXml(String filename, int w, int h, String... objects) {
        StringBuilder s = new StringBuilder("<annotation>\n<folder>VOC</folder><filename>" + filename + "</filename>\n");
        if (w > 0 && h > 0) {
            s.append("<size><width>").append(w).append("</width><height>").append(h).append("</height><depth>3</depth></size>\n");
        }
        for (String o : objects) {
            s.append(o);
        }
        return s.append("</annotation>\n").toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
