package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression per class: the highest-scoring box is kept and every box of the
 * same class overlapping it by IoU strictly above {@code iouThreshold} is dropped, then the next
 * survivor, and so on. Boxes of different classes never suppress each other (a person may stand
 * in front of a car).
 *
 * <p>Candidates with a score not strictly above {@code scoreThreshold} (or NaN) are dropped
 * first. The result is sorted by score, highest first, and cut at {@code maxDetections}. Equal
 * scores keep their input order, so the result depends only on the input list.
 */
public final class Nms {

    private final float iouThreshold;
    private final float scoreThreshold;
    private final int maxDetections;

    public Nms(float iouThreshold, float scoreThreshold, int maxDetections) {
        if (!(iouThreshold >= 0 && iouThreshold <= 1) || maxDetections < 0 || Float.isNaN(scoreThreshold)) {
            throw new IllegalArgumentException("NMS needs 0 <= iouThreshold <= 1 and maxDetections >= 0, got "
                    + iouThreshold + ", " + maxDetections);
        }
        this.iouThreshold = iouThreshold;
        this.scoreThreshold = scoreThreshold;
        this.maxDetections = maxDetections;
    }

    /** RetinaNet's inference setting: IoU 0.5, score above 0.05, at most 100 detections. */
    public static Nms retinaNet() {
        return new Nms(0.5f, 0.05f, 100);
    }

    /** Scores at or below this never survive: inference can skip such candidates before NMS. */
    public float scoreThreshold() {
        return scoreThreshold;
    }

    /** The kept detections, highest score first. The input is not modified. */
    public List<Detection> apply(List<Detection> candidates) {
        // List.sort is stable: equal scores stay in input order.
        List<Detection> sorted = new ArrayList<>();
        for (Detection d : candidates) {
            if (d.score() > scoreThreshold) {
                sorted.add(d);
            }
        }
        sorted.sort(Comparator.comparingDouble((Detection d) -> d.score()).reversed());

        // Walking all classes in one score order and comparing only within a class gives the same
        // survivors as running NMS class by class, and lets us stop at maxDetections.
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.size() >= maxDetections) {
                break;
            }
            if (!suppressed(d, kept)) {
                kept.add(d);
            }
        }
        return kept;
    }

    private boolean suppressed(Detection d, List<Detection> kept) {
        for (Detection k : kept) {
            if (k.label() == d.label() && k.box().iou(d.box()) > iouThreshold) {
                return true;
            }
        }
        return false;
    }
}
