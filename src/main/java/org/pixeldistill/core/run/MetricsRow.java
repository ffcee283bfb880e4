package org.pixeldistill.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch of one stage and seed, as a line of metrics.csv.
 *
 * @param losses mean of each loss term over the epoch's batches, weighted as trained ("ce", "kd",
 *     "isrd", ...) plus "total"
 * @param score which score {@code testScore} is: top-1 for a classifier, mAP50 for a detector
 * @param testScore the test score that picks the best epoch, in percent
 * @param trainTop1 a classifier's top-1 on its training batches (NaN for a detector)
 * @param testTop5 a classifier's test top-5 (NaN for a detector)
 * @param dataWait share (0-1) of the epoch's training time spent waiting for data
 * @param scores further test scores by name, one {@code score_<name>} column each: a detector's
 *     COCO mAP ("map") and per-class AP ("ap50_<class>"); empty for a classifier
 */
public record MetricsRow(
        Stage stage,
        int seed,
        int epoch,
        double lr,
        Map<String, Double> losses,
        Score score,
        double testScore,
        double trainTop1,
        double testTop5,
        double wallSeconds,
        double imagesPerSecond,
        double dataWait,
        Map<String, Double> scores) {

    public MetricsRow {
        scores = scores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** A classifier's row: its score is test top-1, and it has no further scores. */
    public MetricsRow(Stage stage, int seed, int epoch, double lr, Map<String, Double> losses, double trainTop1,
            double testTop1, double testTop5, double wallSeconds, double imagesPerSecond, double dataWait) {
        this(stage, seed, epoch, lr, losses, Score.TOP1, testTop1, trainTop1, testTop5, wallSeconds, imagesPerSecond,
                dataWait, Map.of());
    }
}
