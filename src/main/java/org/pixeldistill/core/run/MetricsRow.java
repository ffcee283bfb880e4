package org.pixeldistill.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch of one stage and seed, as a line of metrics.csv.
 *
 * @param losses mean of each loss term over the epoch's batches, weighted as trained ("ce", "kd",
 *     "isrd", ...) plus "total"
 * @param dataWait share (0-1) of the epoch's training time spent waiting for data
 * @param scores further test scores by name, one {@code score_<name>} column each: a detector's
 *     mAP ("map50", "map") and per-class AP ("ap50_<class>"); empty for a classifier
 */
public record MetricsRow(
        String stage,
        int seed,
        int epoch,
        double lr,
        Map<String, Double> losses,
        double trainTop1,
        double testTop1,
        double testTop5,
        double wallSeconds,
        double imagesPerSecond,
        double dataWait,
        Map<String, Double> scores) {

    public MetricsRow {
        scores = scores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** A classifier's row (no further scores). */
    public MetricsRow(String stage, int seed, int epoch, double lr, Map<String, Double> losses, double trainTop1,
            double testTop1, double testTop5, double wallSeconds, double imagesPerSecond, double dataWait) {
        this(stage, seed, epoch, lr, losses, trainTop1, testTop1, testTop5, wallSeconds, imagesPerSecond, dataWait,
                Map.of());
    }
}
