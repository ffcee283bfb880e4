package org.pixeldistill.core.data;

import java.nio.file.Path;
import org.pixeldistill.core.config.ConfigException;

/**
 * Cuts the small Fashion-MNIST slice that ships with the project: for each split the first
 * {@code n/10} images of every class in file order (the remainder goes to the lowest classes),
 * kept in file order. Deterministic, so the committed files can be rebuilt byte for byte.
 */
public final class DemoSlice {
    private DemoSlice() {}

    /**
     * Reads the full set from {@code fullFolder} and writes the four gzipped IDX files of a
     * class-balanced subset with {@code trainCount} / {@code testCount} images to {@code outFolder}.
     */
    public static void write(Path fullFolder, Path outFolder, int trainCount, int testCount) {
        writeSplit(fullFolder, outFolder, FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, trainCount);
        writeSplit(fullFolder, outFolder, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS, testCount);
    }

    private static void writeSplit(Path from, Path to, String imageName, String labelName, int count) {
        if (count < 0) {
            throw new ConfigException("slice size must be >= 0, got " + count);
        }
        FashionMnist full = FashionMnist.load(from, imageName.equals(FashionMnist.TRAIN_IMAGES));
        int classes = full.numClasses();
        int[] wanted = new int[classes];
        for (int c = 0; c < classes; c++) {
            wanted[c] = count / classes + (c < count % classes ? 1 : 0);
        }
        int[] picked = new int[count];
        int n = 0;
        for (int i = 0; i < full.size() && n < count; i++) {
            int c = full.label(i);
            if (wanted[c] > 0) {
                wanted[c]--;
                picked[n++] = i;
            }
        }
        if (n < count) {
            throw new ConfigException("data folder " + from + " has too few images of some class for a slice of "
                    + count + " (" + imageName + ")");
        }
        IdxFile.Images source = full.rawImages();
        int pixelsPerImage = source.rows() * source.cols();
        byte[] pixels = new byte[count * pixelsPerImage];
        byte[] labels = new byte[count];
        for (int k = 0; k < count; k++) {
            System.arraycopy(source.pixels(), picked[k] * pixelsPerImage, pixels, k * pixelsPerImage, pixelsPerImage);
            labels[k] = (byte) full.label(picked[k]);
        }
        IdxFile.writeImages(to.resolve(imageName + ".gz"), new IdxFile.Images(pixels, count, source.rows(), source.cols()));
        IdxFile.writeLabels(to.resolve(labelName + ".gz"), labels);
    }
}
