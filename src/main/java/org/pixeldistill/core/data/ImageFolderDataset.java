package org.pixeldistill.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.pixeldistill.core.config.ConfigException;

/**
 * One folder per class, named after the class. Either {@code root/train/<class>/} and
 * {@code root/test/<class>/}, or {@code root/<class>/} split per class by a ratio with a seeded
 * shuffle (so the split is the same on every run). Classes are sorted by name; images inside a
 * class by file name. Images (PNG, JPEG, BMP) are decoded lazily as RGB.
 */
public final class ImageFolderDataset {
    public static final String NAME = "image-folder";
    /** Seed of the per-class split when none is given: the split is part of the data set, not of a run. */
    public static final long DEFAULT_SPLIT_SEED = 0;

    private ImageFolderDataset() {}

    public static DataSplits open(Path root, double splitRatio) {
        return open(root, splitRatio, DEFAULT_SPLIT_SEED);
    }

    /** {@code splitRatio} and {@code seed} matter only for the layout without train/ and test/. */
    public static DataSplits open(Path root, double splitRatio, long seed) {
        if (!Files.isDirectory(root)) {
            throw new ConfigException("data folder missing: " + root);
        }
        Path trainDir = root.resolve("train");
        Path testDir = root.resolve("test");
        boolean hasTrain = Files.isDirectory(trainDir);
        boolean hasTest = Files.isDirectory(testDir);
        if (hasTrain != hasTest) {
            throw new ConfigException("image folder " + root + " has " + (hasTrain ? "train/ but no test/" : "test/ but no train/"));
        }
        return hasTrain ? openPresplit(trainDir, testDir) : openAndSplit(root, splitRatio, seed);
    }

    private static DataSplits openPresplit(Path trainDir, Path testDir) {
        TreeSet<String> classSet = new TreeSet<>(classFolders(trainDir));
        classSet.addAll(classFolders(testDir));
        List<String> classes = List.copyOf(classSet);
        requireClasses(classes, trainDir.getParent());
        return new DataSplits(collect(trainDir, classes), collect(testDir, classes));
    }

    private static FileImageDataset collect(Path dir, List<String> classes) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            for (Path f : images(dir.resolve(classes.get(c)))) {
                files.add(f);
                labels.add(c);
            }
        }
        return new FileImageDataset(NAME, files, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    private static DataSplits openAndSplit(Path root, double splitRatio, long seed) {
        List<String> classes = classFolders(root);
        requireClasses(classes, root);
        List<Path> trainFiles = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files = new ArrayList<>(images(root.resolve(classes.get(c))));
            Collections.shuffle(files, new Random(Seeds.mix(seed, c)));
            int n = files.size();
            // Keep at least one image on each side when the class has two or more.
            int nTrain = n < 2 ? n : Math.max(1, Math.min(n - 1, (int) Math.round(n * splitRatio)));
            // Back to name order inside each side, so lists read naturally and limits are stable.
            List<Path> train = new ArrayList<>(files.subList(0, nTrain));
            List<Path> test = new ArrayList<>(files.subList(nTrain, n));
            Collections.sort(train);
            Collections.sort(test);
            for (Path f : train) {
                trainFiles.add(f);
                trainLabels.add(c);
            }
            for (Path f : test) {
                testFiles.add(f);
                testLabels.add(c);
            }
        }
        return new DataSplits(
                new FileImageDataset(NAME, trainFiles, trainLabels.stream().mapToInt(Integer::intValue).toArray(), classes),
                new FileImageDataset(NAME, testFiles, testLabels.stream().mapToInt(Integer::intValue).toArray(), classes));
    }

    private static void requireClasses(List<String> classes, Path root) {
        if (classes.isEmpty()) {
            throw new ConfigException("image folder " + root + " holds no class folders with images (png, jpg, jpeg, bmp)");
        }
    }

    /** Sorted names of the sub-folders of {@code dir} that hold at least one image. */
    private static List<String> classFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> !images(d).isEmpty())
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("image folder " + dir + " cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Sorted image files directly inside {@code dir}; empty when it does not exist. */
    private static List<Path> images(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(ImageDecoding::isImageFile).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("image folder " + dir + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
