package org.pixeldistill.core.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.ImageHeader;

/**
 * Pascal VOC as distributed: {@code root/Annotations/<id>.xml}, the images in
 * {@code root/JPEGImages/} (each XML's {@code <filename>}), and split lists
 * {@code root/ImageSets/Main/<split>.txt} with one image id per line (further words on a line are
 * ignored). <b>When the split list is missing (or the split is null), every annotation file is used, in file-name
 * order</b> (and a note says so in {@link DetectionDataset#issues()}), so every split of such a
 * folder is the whole folder.
 *
 * <p>Coordinates: VOC numbers pixels from 1 and its boxes include both end pixels, so
 * {@code xmin = 1, xmax = 1} is the first pixel column. In {@link Box}'s convention that column
 * spans {@code [0, 1]}, hence the box is {@code (xmin - 1, ymin - 1, xmax, ymax)}. Boxes are then
 * clipped to the size in the XML (read from the image header when the XML has none).
 *
 * <p>Objects marked {@code <difficult>1} are skipped and counted as difficult (the VOC benchmark
 * ignores them too). Images are decoded on demand as RGB.
 */
public final class VocDataset {
    public static final String NAME = "voc";
    /** The twenty classes of VOC 2007/2012, in the usual alphabetical order. */
    public static final List<String> VOC_CLASSES = List.of("aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car",
            "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa",
            "train", "tvmonitor");

    private VocDataset() {}

    /**
     * Split {@code split} (for example "train", "val", "test") of the VOC folder {@code root}, with
     * the classes found in that split's annotations, sorted by name. Open another split of the same
     * set with this one's {@link DetectionDataset#classNames()} so the indices agree.
     */
    public static DetectionDataset open(Path root, String split) {
        return open(root, split, null);
    }

    /** As above with the class list given: objects of other classes are skipped and counted. */
    public static DetectionDataset open(Path root, String split, List<String> classNames) {
        if (!Files.isDirectory(root)) {
            throw new ConfigException("data folder missing: " + root);
        }
        Path annotationDir = root.resolve("Annotations");
        Path imageDir = root.resolve("JPEGImages");
        if (!Files.isDirectory(annotationDir)) {
            throw new ConfigException("VOC annotations folder missing: " + annotationDir);
        }
        if (!Files.isDirectory(imageDir)) {
            throw new ConfigException("VOC images folder missing: " + imageDir);
        }
        AnnotationCleaner cleaner = new AnnotationCleaner();
        List<Path> xmlFiles = annotationFiles(root, annotationDir, split, cleaner);
        VocXml parser = new VocXml();
        List<VocXml.VocAnnotation> annotations = new ArrayList<>();
        for (Path xml : xmlFiles) {
            annotations.add(parser.read(xml));
        }
        List<String> classes = classNames != null ? List.copyOf(classNames) : namesFound(annotations);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.putIfAbsent(classes.get(c), c);
        }
        List<ImageEntry> entries = new ArrayList<>();
        for (int i = 0; i < xmlFiles.size(); i++) {
            entries.add(entry(xmlFiles.get(i), annotations.get(i), imageDir, classIndex, cleaner));
        }
        return new FileDetectionDataset(NAME, entries, classes, cleaner.result());
    }

    private static ImageEntry entry(Path xml, VocXml.VocAnnotation a, Path imageDir, Map<String, Integer> classIndex,
            AnnotationCleaner cleaner) {
        String xmlName = xml.getFileName().toString();
        String imageName = a.filename() != null ? a.filename() : stripXml(xmlName) + ".jpg";
        Path image = imageDir.resolve(imageName);
        if (!Files.isRegularFile(image)) {
            throw new ConfigException("VOC image missing: " + image + " (named by " + xml + ")");
        }
        int width = a.width();
        int height = a.height();
        if (width <= 0 || height <= 0) {
            int[] size = ImageHeader.size(image);
            width = size[0];
            height = size[1];
        }
        List<Box> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (VocXml.VocObject o : a.objects()) {
            String where = xmlName + " object " + o.number();
            Integer label = classIndex.get(o.name());
            if (o.difficult()) {
                cleaner.skip(AnnotationCleaner.Skip.DIFFICULT, where, "skipped: difficult '" + o.name() + "'");
            } else if (label == null) {
                cleaner.skip(AnnotationCleaner.Skip.UNKNOWN_CLASS, where, "skipped: unknown class '" + o.name() + "'");
            } else {
                Box raw = new Box((float) (o.xmin() - 1), (float) (o.ymin() - 1), (float) o.xmax(), (float) o.ymax());
                Box box = cleaner.check(raw, width, height, where);
                if (box != null) {
                    boxes.add(box);
                    labels.add(label);
                }
            }
        }
        if (boxes.isEmpty()) {
            cleaner.emptyImage(xmlName);
        }
        return new ImageEntry(image, xml.toString(), width, height, boxes, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Path> annotationFiles(Path root, Path annotationDir, String split, AnnotationCleaner cleaner) {
        if (split == null || split.isBlank()) {
            List<Path> all = allXml(annotationDir);
            cleaner.note("no split named: using all " + all.size() + " annotation files");
            return all;
        }
        Path list = root.resolve("ImageSets").resolve("Main").resolve(split + ".txt");
        if (!Files.isRegularFile(list)) {
            List<Path> all = allXml(annotationDir);
            cleaner.note("split list " + list + " missing: using all " + all.size() + " annotation files");
            return all;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new ConfigException("VOC split list " + list + " cannot be read: " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (String line : lines) {
            String id = line.strip().split("\\s+", 2)[0];
            if (id.isEmpty()) {
                continue;
            }
            Path xml = annotationDir.resolve(id + ".xml");
            if (!Files.isRegularFile(xml)) {
                throw new ConfigException("VOC annotation missing: " + xml + " (listed in " + list + ")");
            }
            files.add(xml);
        }
        if (files.isEmpty()) {
            throw new ConfigException("VOC split list " + list + " lists no images");
        }
        return files;
    }

    private static List<Path> allXml(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigException("VOC annotations folder " + dir + " cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ConfigException("VOC annotations folder " + dir + " holds no .xml files");
        }
        return files;
    }

    private static List<String> namesFound(List<VocXml.VocAnnotation> annotations) {
        TreeSet<String> names = new TreeSet<>();
        for (VocXml.VocAnnotation a : annotations) {
            for (VocXml.VocObject o : a.objects()) {
                names.add(o.name());
            }
        }
        return List.copyOf(names);
    }

    private static String stripXml(String name) {
        return name.substring(0, name.length() - ".xml".length());
    }
}
