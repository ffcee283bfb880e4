package org.pixeldistill.ui.pareto;

import java.util.List;
import java.util.Locale;
import org.pixeldistill.ui.runs.RunEntry;

/** Which finished configuration a bandwidth budget allows, and the line that says so. */
final class BudgetChoice {
    private BudgetChoice() {}

    /**
     * The most accurate configuration whose images fit the budget on this axis ({@link
     * BandwidthBudget#fits}); of equally accurate ones the cheaper on the axis; null when none fits.
     */
    static SeedGroup best(List<SeedGroup> groups, BandwidthBudget budget, CostAxis axis) {
        SeedGroup best = null;
        for (SeedGroup g : groups) {
            RunEntry e = g.first();
            if (e.cost() == null || !budget.fits(e.cost(), axis)) continue;
            if (best == null || g.mean() > best.mean()
                    || (g.mean() == best.mean() && axis.of(e.cost()) < axis.of(best.first().cost()))) {
                best = g;
            }
        }
        return best;
    }

    /**
     * "within 1 Mbit/s at 30 images/s: ISRD+KD at 14x14, 85.9 % ± 0.4 over 3 seeds (run name;
     * 4.17 KB JPEG per image)", or "no finished run fits within ... (...)".
     */
    static String describe(List<SeedGroup> groups, BandwidthBudget budget, CostAxis axis) {
        SeedGroup best = best(groups, budget, axis);
        String limit = String.format(Locale.ROOT, "%s KB %s per image", CostAxis.number(budget.bytesPerImage() / 1000),
                BandwidthBudget.encodingOn(axis, groups.isEmpty() ? null : groups.get(0).first().cost()));
        if (best == null) {
            return "no finished run fits within " + budget.describe() + " (" + limit + ")";
        }
        RunEntry e = best.first();
        String spread = best.seeds() > 1 ? String.format(Locale.ROOT, " ± %.1f over %d seeds", best.std(), best.seeds())
                : " (1 seed)";
        return String.format(Locale.ROOT, "within %s: %s at %dx%d, %.1f %%%s (%s; %s)", budget.describe(),
                MethodStyles.label(e), e.inputSize(), e.inputSize(), best.mean(), spread, e.name(), limit);
    }
}
