package org.pixeldistill.ui.detect;

/**
 * One row of the Detection view's per-class table: the student's AP50 over the whole test split,
 * and how many boxes of the class the current image has and each network finds in it at the
 * current score threshold.
 *
 * @param label the class index (its colour is {@link ClassColours#rgb})
 * @param ap50 percent; NaN when the test split has no box of this class
 */
public record ApRow(int label, String className, double ap50, int truthHere, int teacherHere, int studentHere) {}
