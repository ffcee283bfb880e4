package org.pixeldistill.core.detect;

import java.util.List;
import org.pixeldistill.core.data.RawImage;

/**
 * One detection sample: the decoded image and its objects, box {@code k} with class index
 * {@code labels[k]}. Boxes are in the image's pixel units (see {@link Box}) and lie inside it. An
 * image without boxes is a valid negative.
 */
public record AnnotatedImage(RawImage image, List<Box> boxes, int[] labels) {
    public AnnotatedImage {
        if (boxes.size() != labels.length) {
            throw new IllegalArgumentException(boxes.size() + " boxes but " + labels.length + " labels");
        }
        boxes = List.copyOf(boxes);
        labels = labels.clone();
    }

    /** The class indices (a copy: the record stays unchanged). */
    @Override
    public int[] labels() {
        return labels.clone();
    }
}
