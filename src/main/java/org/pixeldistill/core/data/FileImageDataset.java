package org.pixeldistill.core.data;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.DataConfig;

/**
 * A split whose images are files on disk, decoded when asked for (nothing is cached: a CUB-sized
 * set does not fit in memory as floats).
 */
final class FileImageDataset implements ImageDataset {
    private final String name;
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final long maxPixels;

    FileImageDataset(String name, List<Path> files, int[] labels, List<String> classNames) {
        this(name, files, labels, classNames, DataConfig.DEFAULT_MAX_IMAGE_PIXELS);
    }

    private FileImageDataset(String name, List<Path> files, int[] labels, List<String> classNames, long maxPixels) {
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(files.size() + " files but " + labels.length + " labels");
        }
        this.name = name;
        this.files = List.copyOf(files);
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
        this.maxPixels = maxPixels;
    }

    /** The same images, refusing any file with more than {@code max} pixels (data.max_image_pixels). */
    FileImageDataset withPixelCap(long max) {
        return new FileImageDataset(name, files, labels, classNames, max);
    }

    @Override
    public String name() {
        return name;
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
        return ImageDecoding.readRgb(files.get(index), maxPixels);
    }

    /** The file behind image {@code index}. */
    Path file(int index) {
        return files.get(index);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int channels() {
        return 3;
    }
}
