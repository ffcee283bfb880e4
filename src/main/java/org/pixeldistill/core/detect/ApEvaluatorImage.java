package org.pixeldistill.core.detect;

import java.util.List;

/** What {@link ApEvaluator} keeps of one image: its predictions and labelled ground truth. */
record ApEvaluatorImage(List<Detection> predictions, List<Box> gtBoxes, int[] gtLabels) {

    /** A prediction with the index of the image it belongs to, for ranking across images. */
    record Ranked(int image, Detection detection) {
    }
}
