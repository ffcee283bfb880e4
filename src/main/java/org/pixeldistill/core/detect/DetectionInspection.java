package org.pixeldistill.core.detect;

import java.util.List;
import org.pixeldistill.core.data.RawImage;

/**
 * What a detector run finds in one test image, ready to draw: the teacher's large view and the
 * student's small view as displayable pixels in [0, 1] (the same letterbox as training, not
 * normalised), the ground truth mapped into each view, and each network's detections in its own
 * view's pixels, highest score first. Detections go down to the inspector's score floor
 * ({@link DetectionInspector#SCORE_FLOOR} by default) so that a score threshold can be applied with {@link #atThreshold} without running anything again.
 *
 * @param index the test image's index in the run's test split
 * @param truthLabels class of each ground-truth box, in the order of both truth lists
 * @param teacher the teacher's (or assistant's) detections on {@code large}; empty without a teacher
 * @param student the student's detections on {@code small}
 * @param classAp the student's AP50 per class over the whole test split
 */
public record DetectionInspection(int index, RawImage large, RawImage small, List<Box> largeTruth, List<Box> smallTruth,
        int[] truthLabels, List<Detection> teacher, List<Detection> student, List<ClassAp> classAp) {

    public DetectionInspection {
        largeTruth = List.copyOf(largeTruth);
        smallTruth = List.copyOf(smallTruth);
        truthLabels = truthLabels.clone();
        teacher = List.copyOf(teacher);
        student = List.copyOf(student);
        classAp = List.copyOf(classAp);
    }

    /** The class indices of the ground truth (a copy). */
    @Override
    public int[] truthLabels() {
        return truthLabels.clone();
    }

    /** The same image with only the detections scoring at least {@code threshold}. */
    public DetectionInspection atThreshold(double threshold) {
        return new DetectionInspection(index, large, small, largeTruth, smallTruth, truthLabels,
                above(teacher, threshold), above(student, threshold), classAp);
    }

    private static List<Detection> above(List<Detection> detections, double threshold) {
        return detections.stream().filter(d -> d.score() >= threshold).toList();
    }
}
