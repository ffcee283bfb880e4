package org.pixeldistill.ui.training;

import java.util.Locale;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepRunner;

/**
 * One cell of a sweep as the cell list shows it: "finished  7x7 isrd  best 71.2 %".
 *
 * @param state waiting, training, finished, failed, stopped (a started cell that did not finish)
 * @param best best test score in percent, NaN before the cell has one
 */
public record SweepCellState(String id, int size, String method, String state, double best) {
    static SweepCellState of(SweepRunner.Result r) {
        SweepCell c = r.cell();
        RunSummary s = r.summary();
        String state = s == null ? "waiting" : "finished".equals(s.status()) ? "finished"
                : "failed".equals(s.status()) ? "failed" : "stopped";
        double best = s == null || s.bestScore() == null ? Double.NaN : s.bestScore();
        return new SweepCellState(c.id(), c.inputSize(), c.method(), state, best);
    }

    SweepCellState training() {
        return new SweepCellState(id, size, method, "training", best);
    }

    /** A cell that was training when the sweep stopped; any other is left as it is. */
    SweepCellState stopped() {
        return state.equals("training") ? new SweepCellState(id, size, method, "stopped", best) : this;
    }

    public boolean finished() {
        return state.equals("finished");
    }

    /** The line of the cell list. */
    public String text() {
        return String.format(Locale.ROOT, "%-9s %dx%d %s%s", state, size, size, method,
                Double.isNaN(best) ? "" : String.format(Locale.ROOT, "  best %.1f %%", best));
    }

    @Override
    public String toString() {
        return text();
    }
}
