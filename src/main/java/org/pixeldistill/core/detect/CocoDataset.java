package org.pixeldistill.core.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.ImageHeader;

/**
 * A COCO "instances" file ({@code images}, {@code annotations}, {@code categories}) with its
 * image folder. COCO boxes are {@code [x, y, width, height]} measured from the image's top-left
 * corner, which is {@link Box}'s convention already: the box is {@code (x, y, x + w, y + h)},
 * clipped to the image's {@code width x height} (read from the image header when the file has
 * none). Class {@code k} is the {@code k}-th category in id order, unless a class list is given.
 * Crowd regions ({@code iscrowd = 1}) are skipped and counted. Images keep the file's order;
 * images without annotations are kept as negatives. Images are decoded on demand as RGB.
 */
public final class CocoDataset {
    public static final String NAME = "coco";

    private CocoDataset() {}

    /** The set described by {@code annotationFile}, images under {@code imageDir}. */
    public static DetectionDataset open(Path annotationFile, Path imageDir) {
        return open(annotationFile, imageDir, null);
    }

    /**
     * As above with the class list given: a category whose name is not in it is skipped and
     * counted, and class {@code k} is {@code classNames.get(k)}.
     */
    public static DetectionDataset open(Path annotationFile, Path imageDir, List<String> classNames) {
        if (!Files.isRegularFile(annotationFile)) {
            throw new ConfigException("COCO annotation file missing: " + annotationFile);
        }
        if (!Files.isDirectory(imageDir)) {
            throw new ConfigException("COCO images folder missing: " + imageDir);
        }
        CocoJson.Contents contents = CocoJson.read(annotationFile);
        List<CocoJson.Category> categories = new ArrayList<>(contents.categories());
        categories.sort(Comparator.comparingLong(CocoJson.Category::id));
        List<String> classes = classNames != null ? List.copyOf(classNames)
                : categories.stream().map(CocoJson.Category::name).toList();
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.putIfAbsent(classes.get(c), c);
        }
        Map<Long, String> categoryName = new HashMap<>();
        for (CocoJson.Category c : categories) {
            if (categoryName.put(c.id(), c.name()) != null) {
                throw new ConfigException("COCO file " + annotationFile + " lists category id " + c.id() + " twice");
            }
        }

        Map<Long, List<CocoJson.Annotation>> byImage = groupByImage(contents, annotationFile);
        AnnotationCleaner cleaner = new AnnotationCleaner();
        List<ImageEntry> entries = new ArrayList<>();
        for (CocoJson.Image img : contents.images()) {
            entries.add(entry(img, byImage.get(img.id()), annotationFile, imageDir, categoryName, classIndex, cleaner));
        }
        return new FileDetectionDataset(NAME, entries, classes, cleaner.result());
    }

    /** Annotations per image id, in file order; an annotation of an image not listed is an error. */
    private static Map<Long, List<CocoJson.Annotation>> groupByImage(CocoJson.Contents contents, Path annotationFile) {
        Map<Long, List<CocoJson.Annotation>> byImage = new LinkedHashMap<>();
        for (CocoJson.Image img : contents.images()) {
            if (byImage.put(img.id(), new ArrayList<>()) != null) {
                throw new ConfigException("COCO file " + annotationFile + " lists image id " + img.id() + " twice");
            }
        }
        for (CocoJson.Annotation a : contents.annotations()) {
            List<CocoJson.Annotation> list = byImage.get(a.imageId());
            if (list == null) {
                throw new ConfigException("COCO file " + annotationFile + ": annotation id " + a.id() + " refers to image id "
                        + a.imageId() + ", which is not in 'images'");
            }
            list.add(a);
        }
        return byImage;
    }

    private static ImageEntry entry(CocoJson.Image img, List<CocoJson.Annotation> annotations, Path annotationFile,
            Path imageDir, Map<Long, String> categoryName, Map<String, Integer> classIndex, AnnotationCleaner cleaner) {
        String fileName = annotationFile.getFileName().toString();
        Path file = imageDir.resolve(img.fileName());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("COCO image missing: " + file + " (image id " + img.id() + " of " + annotationFile + ")");
        }
        int width = img.width();
        int height = img.height();
        if (width <= 0 || height <= 0) {
            int[] size = ImageHeader.size(file);
            width = size[0];
            height = size[1];
        }
        List<Box> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (CocoJson.Annotation a : annotations) {
            String where = fileName + " annotation id " + a.id();
            String name = categoryName.get(a.categoryId());
            Integer label = name == null ? null : classIndex.get(name);
            if (a.crowd()) {
                cleaner.skip(AnnotationCleaner.Skip.CROWD, where, "skipped: crowd region (iscrowd=1)");
            } else if (name == null) {
                cleaner.skip(AnnotationCleaner.Skip.UNKNOWN_CLASS, where, "skipped: unknown category id " + a.categoryId());
            } else if (label == null) {
                cleaner.skip(AnnotationCleaner.Skip.UNKNOWN_CLASS, where, "skipped: unknown class '" + name + "'");
            } else {
                double[] b = a.bbox();
                Box raw = new Box((float) b[0], (float) b[1], (float) (b[0] + b[2]), (float) (b[1] + b[3]));
                Box box = cleaner.check(raw, width, height, where);
                if (box != null) {
                    boxes.add(box);
                    labels.add(label);
                }
            }
        }
        if (boxes.isEmpty()) {
            cleaner.emptyImage(fileName + " image id " + img.id() + " (" + img.fileName() + ")");
        }
        return new ImageEntry(file, annotationFile + " image id " + img.id(), width, height, boxes,
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
