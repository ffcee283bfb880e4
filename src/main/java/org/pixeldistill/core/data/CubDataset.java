package org.pixeldistill.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;

/**
 * CUB-200-2011 as distributed: {@code images.txt} ("id relpath"), {@code image_class_labels.txt}
 * ("id class", 1-based), {@code train_test_split.txt} ("id isTrain"), optional {@code classes.txt}
 * ("index name") and the {@code images/} folder. Images are decoded lazily as RGB.
 */
public final class CubDataset {
    public static final String NAME = "cub";

    private CubDataset() {}

    /** Both splits of the CUB folder {@code root}, in images.txt order. */
    public static DataSplits open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ConfigException("data folder missing: " + root);
        }
        Path imageDir = root.resolve("images");
        if (!Files.isDirectory(imageDir)) {
            throw new ConfigException("CUB images folder missing: " + imageDir);
        }
        Map<Integer, String> paths = readTable(root.resolve("images.txt"));
        CubImagePaths.checkInside(root.resolve("images.txt"), imageDir);
        Map<Integer, String> classOf = readTable(root.resolve("image_class_labels.txt"));
        Map<Integer, String> isTrain = readTable(root.resolve("train_test_split.txt"));
        Path classFile = root.resolve("classes.txt");
        Map<Integer, String> classTable = Files.exists(classFile) ? readTable(classFile) : Map.of();
        if (paths.isEmpty()) {
            throw new ConfigException("CUB index " + root.resolve("images.txt") + " lists no images");
        }
        // an image the other files know but images.txt lacks would otherwise be dropped without a word
        onlyKnownIds(classOf, root.resolve("image_class_labels.txt"), paths, root.resolve("images.txt"));
        onlyKnownIds(isTrain, root.resolve("train_test_split.txt"), paths, root.resolve("images.txt"));

        List<Path> trainFiles = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        Map<Integer, String> folderNameOfClass = new HashMap<>();
        int numClasses = 0;
        for (Map.Entry<Integer, String> e : paths.entrySet()) {
            int id = e.getKey();
            int cls = parseInt(need(classOf, id, root.resolve("image_class_labels.txt")), root.resolve("image_class_labels.txt"));
            String split = need(isTrain, id, root.resolve("train_test_split.txt"));
            if (!split.equals("0") && !split.equals("1")) {
                throw new ConfigException("CUB index file " + root.resolve("train_test_split.txt") + ": image " + id
                        + " has split '" + split + "'; expected 1 (train) or 0 (test)");
            }
            if (cls < 1) {
                throw new ConfigException("CUB index " + root.resolve("image_class_labels.txt") + ": class " + cls
                        + " of image " + id + " is not 1-based");
            }
            Path file = imageDir.resolve(e.getValue());
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("CUB image missing: " + file + " (image " + id + " of "
                        + root.resolve("images.txt") + ")");
            }
            numClasses = Math.max(numClasses, cls);
            Path parent = Path.of(e.getValue()).getParent();
            if (parent != null) {
                folderNameOfClass.putIfAbsent(cls, parent.getFileName().toString());
            }
            boolean train = split.equals("1");
            (train ? trainFiles : testFiles).add(file);
            (train ? trainLabels : testLabels).add(cls - 1);
        }
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= numClasses; c++) {
            names.add(classTable.getOrDefault(c, folderNameOfClass.getOrDefault(c, "class " + c)));
        }
        return new DataSplits(
                new FileImageDataset(NAME, trainFiles, toArray(trainLabels), names),
                new FileImageDataset(NAME, testFiles, toArray(testLabels), names));
    }

    /** "id rest-of-line" rows in file order; blank lines skipped. */
    private static Map<Integer, String> readTable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("CUB index file missing: " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("CUB index file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<Integer, String> table = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new ConfigException("CUB index file " + file + " line " + (n + 1) + ": expected 'id value', got '" + line + "'");
            }
            int id = parseInt(parts[0], file, n + 1);
            if (table.put(id, parts[1].strip()) != null) {
                throw new ConfigException("CUB index file " + file + " line " + (n + 1) + ": image " + id
                        + " is listed a second time");
            }
        }
        return table;
    }

    /** Every id of {@code table} must be an image of {@code images}: else the file and the id are named. */
    private static void onlyKnownIds(Map<Integer, String> table, Path file, Map<Integer, String> images, Path imagesFile) {
        for (int id : table.keySet()) {
            if (!images.containsKey(id)) {
                throw new ConfigException("CUB index file " + file + " lists image " + id + ", which "
                        + imagesFile + " does not have");
            }
        }
    }

    private static String need(Map<Integer, String> table, int id, Path file) {
        String v = table.get(id);
        if (v == null) {
            throw new ConfigException("CUB index file " + file + " has no row for image " + id);
        }
        return v;
    }

    private static int parseInt(String s, Path file) {
        return parseInt(s, file, -1);
    }

    /** @param line 1-based line of {@code file} the number is on, or -1 when not known */
    private static int parseInt(String s, Path file, int line) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("CUB index file " + file + (line > 0 ? " line " + line : "") + ": '" + s
                    + "' is not a number");
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
