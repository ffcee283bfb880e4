package org.pixeldistill.core.detect;

import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.ImageDecoding;
import org.pixeldistill.core.data.RawImage;

/**
 * A detection split whose annotations were read up front and whose images are files decoded (as
 * RGB, like the classification readers) when asked for.
 */
final class FileDetectionDataset implements DetectionDataset {
    private final String name;
    private final List<ImageEntry> entries;
    private final List<String> classNames;
    private final AnnotationIssues issues;

    FileDetectionDataset(String name, List<ImageEntry> entries, List<String> classNames, AnnotationIssues issues) {
        this.name = name;
        this.entries = List.copyOf(entries);
        this.classNames = List.copyOf(classNames);
        this.issues = issues;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return entries.size();
    }

    /** The annotation of image {@code index}, without decoding the image. */
    ImageEntry entry(int index) {
        return entries.get(index);
    }

    @Override
    public AnnotatedImage sample(int index) {
        ImageEntry e = entries.get(index);
        RawImage img = ImageDecoding.readRgb(e.file());
        // The boxes were clipped to the annotated size; on another size they would be wrong.
        if (img.width() != e.width() || img.height() != e.height()) {
            throw new ConfigException("image " + e.file() + " is " + img.width() + "x" + img.height() + " but "
                    + e.source() + " says " + e.width() + "x" + e.height());
        }
        return new AnnotatedImage(img, e.boxes(), e.labels());
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public AnnotationIssues issues() {
        return issues;
    }
}
