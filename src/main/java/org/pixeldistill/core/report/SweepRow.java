package org.pixeldistill.core.report;

import java.util.Map;

/**
 * One row of sweep.csv as the report needs it: which cell, how far it got, its accuracy in percent
 * (null where the cell has no result) and its cost columns by name.
 *
 * @param seeds seeds that finished
 * @param costs numeric cost columns by their sweep.csv name (params, macs, bytes_jpeg, ...)
 * @param encoding which byte count is sent (raw, png or jpeg)
 * @param pareto true when the row is on the sweep's Pareto front
 * @param runFolder the cell's run folder as sweep.csv records it
 */
public record SweepRow(String cell, String student, String method, int ratio, int inputSize, String status, int seeds,
        Double bestMean, Double bestStd, Double lastMean, Double lastStd, Map<String, Double> costs, String encoding,
        boolean pareto, String runFolder) {

    public SweepRow {
        costs = Map.copyOf(costs);
    }

    /** A result to compare: the cell finished and has a mean best top-1. */
    public boolean finished() {
        return "finished".equals(status) && bestMean != null;
    }

    /** A cost column's value, NaN when sweep.csv does not have it. */
    public double cost(String column) {
        return costs.getOrDefault(column, Double.NaN);
    }

    /** Bytes of the encoding that is sent, the quantity transmission time depends on. */
    public double bytesSent() {
        return cost("bytes_" + (encoding == null || encoding.isBlank() ? "raw" : encoding));
    }

    /** Spread of the best top-1 over seeds (0 when unknown, as for a single seed). */
    public double spread() {
        return bestStd == null || bestStd.isNaN() ? 0.0 : bestStd;
    }
}
