package org.pixeldistill.ui.pareto;

import java.util.List;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * One configuration on the Pareto chart: the finished runs whose configs differ at most in their
 * seeds (and name and device), with the score pooled over all their seeds.
 *
 * @param key the configuration's fingerprint with the seeds left out ({@link SeedGroups#keyOf})
 * @param runs the run folders, in catalog order; the first stands for the group (name, sizes, cost)
 * @param mean mean over every seed of each seed's best score (percent)
 * @param std sample standard deviation over those seeds; 0 for a single seed
 * @param seeds how many seeds the mean is over
 */
public record SeedGroup(String key, List<RunEntry> runs, double mean, double std, int seeds) {

    public SeedGroup {
        runs = List.copyOf(runs);
    }

    /** The run that names the group and gives its cost (all runs of a group cost the same). */
    public RunEntry first() {
        return runs.get(0);
    }
}
