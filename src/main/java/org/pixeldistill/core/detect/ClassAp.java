package org.pixeldistill.core.detect;

/**
 * One class's detection accuracy on a run's test split.
 *
 * @param className the class's name, as the data set labels it
 * @param ap50 AP at IoU 0.5 in percent; NaN when the test split has no box of this class
 */
public record ClassAp(String className, double ap50) {}
