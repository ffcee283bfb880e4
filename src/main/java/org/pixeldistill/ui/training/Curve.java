package org.pixeldistill.ui.training;

import java.util.List;

/**
 * One line of a chart: a loss term (or test top-1) of one stage and seed over epochs, or the
 * per-batch loss of the stage in progress.
 *
 * @param term a loss term ("ce", "kd", "isrd", "total", ...), "top1", or "total per batch"
 */
public record Curve(String stage, int seed, String term, List<Point> points) {
    /** x: epochs (fractional for per-batch points), y: the value. */
    public record Point(double x, double y) {}

    public Curve {
        points = List.copyOf(points);
    }

    /** The legend: "student isrd", with the seed when it is not 0. */
    public String name() {
        return stage + " " + term + (seed == 0 ? "" : " (seed " + seed + ")");
    }
}
