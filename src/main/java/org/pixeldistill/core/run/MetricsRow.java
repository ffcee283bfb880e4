package org.pixeldistill.core.run;

import java.util.Map;

/**
 * One epoch of one stage and seed, as a line of metrics.csv.
 *
 * @param losses mean of each loss term over the epoch's batches, weighted as trained ("ce", "kd",
 *     "isrd", ...) plus "total"
 * @param dataWait share (0-1) of the epoch's training time spent waiting for data
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
        double dataWait) {}
