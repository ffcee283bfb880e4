package org.pixeldistill.core.detect;

import java.util.Objects;

/**
 * One detected object: where, which class ({@code 0 .. classes - 1}, no background class) and how
 * sure the detector is. Used both as NMS input/output and as the prediction side of the mAP.
 */
public record Detection(Box box, int label, float score) {

    public Detection {
        Objects.requireNonNull(box, "box");
        if (label < 0) {
            throw new IllegalArgumentException("detection label must be >= 0, got " + label);
        }
    }
}
