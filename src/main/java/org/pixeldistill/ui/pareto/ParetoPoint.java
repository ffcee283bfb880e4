package org.pixeldistill.ui.pareto;

import org.pixeldistill.ui.runs.RunEntry;

/**
 * A finished run on the Pareto chart.
 *
 * @param cost the run's cost on the chosen axis, in the axis's units
 * @param x where it is drawn: the cost, or its base-10 logarithm on a log axis
 * @param accuracy mean best test top-1 (percent)
 * @param onFront no other run is both cheaper (or as cheap) and more accurate (or as accurate)
 */
public record ParetoPoint(RunEntry entry, double cost, double x, double accuracy, boolean onFront) {}
