package org.pixeldistill.core.detect;

import java.nio.file.Path;
import java.util.List;

/**
 * One image of a file-based detection set as its annotation describes it: the file, the size the
 * boxes were checked against, and the boxes kept. {@code source} names the annotation for errors.
 */
record ImageEntry(Path file, String source, int width, int height, List<Box> boxes, int[] labels) {
    ImageEntry {
        boxes = List.copyOf(boxes);
        labels = labels.clone();
    }
}
