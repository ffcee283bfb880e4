package org.pixeldistill.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;

/**
 * Fashion-MNIST (Zalando, MIT): 28x28 grey clothing images in ten classes, read from the four
 * IDX files of a folder (each plain or gzipped). The bytes stay in memory (60k images are 47 MB)
 * and are turned into floats per image on demand.
 */
public final class FashionMnist implements ImageDataset {
    public static final String NAME = "fashion-mnist";
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private final IdxFile.Images images;
    private final byte[] labels;

    private FashionMnist(IdxFile.Images images, byte[] labels) {
        this.images = images;
        this.labels = labels;
    }

    /** Both splits from {@code folder}. */
    public static DataSplits open(Path folder) {
        return new DataSplits(load(folder, true), load(folder, false));
    }

    /** One split from {@code folder}: the train files when {@code train}, else the t10k files. */
    public static FashionMnist load(Path folder, boolean train) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("data folder missing: " + folder);
        }
        Path imageFile = IdxFile.find(folder, train ? TRAIN_IMAGES : TEST_IMAGES);
        Path labelFile = IdxFile.find(folder, train ? TRAIN_LABELS : TEST_LABELS);
        IdxFile.Images images = IdxFile.readImages(imageFile);
        byte[] labels = IdxFile.readLabels(labelFile);
        if (images.count() != labels.length) {
            throw new ConfigException("data files " + imageFile + " and " + labelFile + " disagree: "
                    + images.count() + " images but " + labels.length + " labels");
        }
        if (images.rows() != 28 || images.cols() != 28) {
            throw new ConfigException("data file " + imageFile + " holds " + images.rows() + "x" + images.cols()
                    + " images, Fashion-MNIST has 28x28");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASS_NAMES.size()) {
                throw new ConfigException("data file " + labelFile + " holds label " + (labels[i] & 0xff)
                        + " at index " + i + ", Fashion-MNIST has 10 classes");
            }
        }
        return new FashionMnist(images, labels);
    }

    /** The undecoded bytes, for copying slices without a second read. */
    IdxFile.Images rawImages() {
        return images;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public RawImage image(int index) {
        int pixelsPerImage = images.rows() * images.cols();
        byte[] src = images.pixels();
        float[] pixels = new float[pixelsPerImage];
        int offset = index * pixelsPerImage;
        for (int p = 0; p < pixelsPerImage; p++) {
            pixels[p] = (src[offset + p] & 0xff) / 255f;
        }
        return new RawImage(pixels, 1, images.rows(), images.cols());
    }

    @Override
    public List<String> classNames() {
        return CLASS_NAMES;
    }

    @Override
    public int channels() {
        return 1;
    }
}
