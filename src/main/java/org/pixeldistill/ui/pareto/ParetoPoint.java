package org.pixeldistill.ui.pareto;

import java.util.List;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * A configuration on the Pareto chart: one finished run, or several that differ only in their seeds
 * ({@link SeedGroups}).
 *
 * @param entry the first run of the configuration: its name, sizes and cost stand for all
 * @param cost the cost on the chosen axis, in the axis's units
 * @param x where the cost is on the axis: the cost, or its base-10 logarithm on a log axis
 * @param accuracy mean over all seeds of each seed's best test score (percent)
 * @param onFront no other configuration is both cheaper (or as cheap) and more accurate (or as accurate)
 * @param std sample standard deviation over the seeds (0 for one seed): the error bar's half height
 * @param seeds how many seeds the mean is over
 * @param runs the run folders pooled, {@code entry} first
 * @param method the method as the legend names it ({@link MethodStyles#label})
 * @param drawnX where the marker is drawn: {@code x}, moved aside when another point has the same
 *     cost ({@link EqualCostOffsets}); the tooltip and the CSV give the true cost
 */
public record ParetoPoint(RunEntry entry, double cost, double x, double accuracy, boolean onFront, double std,
        int seeds, List<RunEntry> runs, String method, double drawnX) {

    public ParetoPoint {
        runs = List.copyOf(runs);
    }

    /** A single run, drawn at its cost. */
    public ParetoPoint(RunEntry entry, double cost, double x, double accuracy, boolean onFront) {
        this(entry, cost, x, accuracy, onFront, Double.isNaN(entry.bestTop1Std()) ? 0 : entry.bestTop1Std(),
                SeedGroups.seedsOf(entry), List.of(entry), MethodStyles.label(entry), x);
    }

    /** Several seeds with a spread: drawn with an error bar of ± {@link #std}. */
    public boolean hasErrorBar() {
        return seeds > 1 && std > 0;
    }

    ParetoPoint onFront(boolean front) {
        return new ParetoPoint(entry, cost, x, accuracy, front, std, seeds, runs, method, drawnX);
    }

    ParetoPoint drawnAt(double newDrawnX) {
        return new ParetoPoint(entry, cost, x, accuracy, onFront, std, seeds, runs, method, newDrawnX);
    }
}
