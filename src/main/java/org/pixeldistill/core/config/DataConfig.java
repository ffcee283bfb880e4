package org.pixeldistill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where the images come from and how the two views are made (METHOD.md, "Two views").
 *
 * @param dataset fashion-mnist | cub | image-folder
 * @param path the data set's folder (IDX files; CUB root; class folders or train/ and test/)
 * @param trainLimit use at most this many training images, class-balanced (0 = all)
 * @param testLimit the same for the test split
 * @param splitRatio image-folder without train/ and test/: share of each class used for training
 * @param mean per-channel mean for normalisation (empty = the data set's default)
 * @param std per-channel standard deviation (empty = the data set's default)
 * @param crop rrc (random-resized-crop), pad (pad then random crop of the stored size) or none
 * @param cropScale area range of the random-resized-crop, [low, high]
 * @param pad pixels of zero padding for crop = pad
 * @param flip random horizontal flip in training
 * @param interpolation how the small view is made: nearest | bilinear | bicubic | area
 * @param testCrop test: resize to size/testCrop, then centre-crop size (0.875 = 256 -> 224)
 * @param workers threads that decode and augment ahead of the training thread
 * @param maxImagePixels an image file with more pixels than this (read from its header, before
 *     decoding) stops the run with its name: one 20000x20000 PNG of a few hundred KB decodes to
 *     4.8 GB of floats. null = {@link #DEFAULT_MAX_IMAGE_PIXELS}, and then left out of the hash
 */
public record DataConfig(
        String dataset,
        String path,
        Integer trainLimit,
        Integer testLimit,
        Double splitRatio,
        List<Double> mean,
        List<Double> std,
        String crop,
        List<Double> cropScale,
        Integer pad,
        Boolean flip,
        String interpolation,
        Double testCrop,
        Integer workers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long maxImagePixels) {

    /** The committed demo slice, relative to the working directory. */
    public static final String DEFAULT_PATH = "assets/fashion-mnist";

    /** 50 megapixels: far above any training image, far below what exhausts a default heap. */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 50_000_000L;
    public static final List<String> DATASETS = List.of("fashion-mnist", "cub", "image-folder");
    public static final List<String> CROPS = List.of("rrc", "pad", "none");
    public static final List<String> INTERPOLATIONS = List.of("nearest", "bilinear", "bicubic", "area");

    public DataConfig {
        dataset = dataset == null ? "fashion-mnist" : dataset;
        path = path == null ? DEFAULT_PATH : path;
        trainLimit = trainLimit == null ? 0 : trainLimit;
        testLimit = testLimit == null ? 0 : testLimit;
        splitRatio = splitRatio == null ? 0.8 : splitRatio;
        mean = mean == null ? List.of() : List.copyOf(mean);
        std = std == null ? List.of() : List.copyOf(std);
        crop = crop == null ? "rrc" : crop;
        cropScale = cropScale == null ? List.of(0.08, 1.0) : List.copyOf(cropScale);
        pad = pad == null ? 2 : pad;
        flip = flip == null ? Boolean.TRUE : flip;
        interpolation = interpolation == null ? "bilinear" : interpolation;
        testCrop = testCrop == null ? 1.0 : testCrop;
        workers = workers == null ? 2 : workers;
    }

    /** The settings of earlier versions, which had no {@code max_image_pixels}. */
    public DataConfig(String dataset, String path, Integer trainLimit, Integer testLimit, Double splitRatio,
            List<Double> mean, List<Double> std, String crop, List<Double> cropScale, Integer pad, Boolean flip,
            String interpolation, Double testCrop, Integer workers) {
        this(dataset, path, trainLimit, testLimit, splitRatio, mean, std, crop, cropScale, pad, flip, interpolation,
                testCrop, workers, null);
    }

    /** The largest image, in pixels, a file may have (the default when not set). */
    public long imagePixelCap() {
        return maxImagePixels == null ? DEFAULT_MAX_IMAGE_PIXELS : maxImagePixels;
    }

    public void validate() {
        Check.oneOf("data.dataset", dataset, DATASETS);
        validateCommon();
    }

    /** Every check but the data set's name (a detection run has its own list of data sets). */
    public void validateCommon() {
        Check.oneOf("data.crop", crop, CROPS);
        Check.oneOf("data.interpolation", interpolation, INTERPOLATIONS);
        Check.atLeast("data.train_limit", trainLimit, 0);
        Check.atLeast("data.test_limit", testLimit, 0);
        Check.range("data.split_ratio", splitRatio, 0.01, 0.99);
        Check.atLeast("data.pad", pad, 0);
        Check.range("data.test_crop", testCrop, 0.1, 1.0);
        Check.range("data.workers", workers, 1, 64);
        if (maxImagePixels != null && maxImagePixels < 1) {
            throw new ConfigException("data.max_image_pixels must be >= 1, got " + maxImagePixels);
        }
        if (cropScale.size() != 2 || cropScale.get(0) <= 0 || cropScale.get(0) > cropScale.get(1) || cropScale.get(1) > 1) {
            throw new ConfigException("data.crop_scale must be [low, high] with 0 < low <= high <= 1, got " + cropScale);
        }
        if (mean.size() != std.size()) {
            throw new ConfigException("data.mean and data.std must have the same length");
        }
        for (double s : std) {
            if (s <= 0) {
                throw new ConfigException("data.std values must be > 0, got " + std);
            }
        }
    }
}
