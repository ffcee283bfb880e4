package org.pixeldistill.core.detect;

/**
 * Detection accuracy over a data set. Per-class arrays are indexed by label; a class with no
 * ground-truth box anywhere has NaN APs and is left out of the means.
 *
 * @param ap50 per class, VOC-style AP at IoU 0.5 (all-point interpolation, VOC2010+)
 * @param ap per class, COCO-style AP[.5:.95]: 101-point AP averaged over the IoU thresholds
 *     {@link ApEvaluator#iouThresholds()}
 * @param apPerThreshold {@code [class][threshold]}, the 101-point AP at each IoU threshold
 *     (index 0 is COCO's AP50, index 5 its AP75)
 * @param gtCounts per class, the number of ground-truth boxes
 * @param map50 mean of {@code ap50} over classes with ground truth (NaN if none has)
 * @param map mean of {@code ap} over classes with ground truth, which is the mean over
 *     thresholds and classes (COCO's mAP); NaN if no class has ground truth
 */
public record ApEvaluatorResult(double[] ap50, double[] ap, double[][] apPerThreshold, int[] gtCounts,
        double map50, double map) {

    /** Number of classes the evaluator was built for. */
    public int classes() {
        return gtCounts.length;
    }

    /** Mean of the non-NaN values; NaN when there are none. */
    static double meanIgnoringNaN(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
