package org.pixeldistill.core.detect;

/**
 * Average precision from one class's ranked hit list ({@code hits[k]}: was the k-th most
 * confident prediction a true positive) and its number of ground-truth boxes. Kept apart from the
 * matching so the two interpolations can be checked on hand-made hit lists.
 *
 * <p>Both use the precision envelope {@code env[k] = max over j >= k of precision[j]}: the best
 * precision reachable by lowering the score cut to rank k or further, which makes the curve
 * monotone and the area independent of zig-zags.
 */
final class ApEvaluatorCurves {

    private ApEvaluatorCurves() {
    }

    /**
     * VOC2010+ all-point AP: the exact area under the precision envelope against recall. Recall
     * grows by {@code 1/gtCount} at each hit, so the area is the sum over hits of
     * {@code env[k] / gtCount}. NaN without ground truth.
     */
    static double vocAllPoint(boolean[] hits, int gtCount) {
        if (gtCount == 0) {
            return Double.NaN;
        }
        double[] env = envelope(hits);
        double area = 0;
        for (int k = 0; k < hits.length; k++) {
            if (hits[k]) {
                area += env[k];
            }
        }
        return area / gtCount;
    }

    /**
     * COCO AP: the mean over the 101 recall levels {@code 0, 0.01, ..., 1} of the envelope
     * precision at the first rank reaching that recall (0 if none does). The levels are computed
     * as {@code i / 100.0} (correctly rounded), so an exact recall of 0.5 reaches level 0.50.
     * NaN without ground truth.
     */
    static double coco101(boolean[] hits, int gtCount) {
        if (gtCount == 0) {
            return Double.NaN;
        }
        double[] env = envelope(hits);
        double[] recall = new double[hits.length];
        int tp = 0;
        for (int k = 0; k < hits.length; k++) {
            tp += hits[k] ? 1 : 0;
            recall[k] = (double) tp / gtCount;
        }
        double sum = 0;
        int k = 0;
        for (int i = 0; i <= 100; i++) {
            double level = i / 100.0;
            // Levels only grow, so the first rank reaching them only moves forward.
            while (k < hits.length && recall[k] < level) {
                k++;
            }
            if (k < hits.length) {
                sum += env[k];
            }
        }
        return sum / 101;
    }

    /** Precision at each rank, then the running maximum from the right. */
    private static double[] envelope(boolean[] hits) {
        double[] env = new double[hits.length];
        int tp = 0;
        for (int k = 0; k < hits.length; k++) {
            if (hits[k]) {
                tp++;
            }
            env[k] = (double) tp / (k + 1);
        }
        for (int k = hits.length - 2; k >= 0; k--) {
            env[k] = Math.max(env[k], env[k + 1]);
        }
        return env;
    }
}
