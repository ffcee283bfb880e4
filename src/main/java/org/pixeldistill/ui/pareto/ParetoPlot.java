package org.pixeldistill.ui.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pixeldistill.core.cost.ParetoFront;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * The points of a Pareto chart for one cost axis: every configuration with a finished run and a
 * cost (runs differing only in seed pooled, {@link SeedGroups}), marked when it is on the front
 * ({@link ParetoFront#front}, computed on the cost itself so the log scale cannot change it).
 *
 * @param front the front's points, cost ascending
 * @param status one line: how many configurations are drawn, on the front, and left out and why
 */
public record ParetoPlot(List<ParetoPoint> points, List<ParetoPoint> front, String status) {

    public static ParetoPlot of(List<RunEntry> entries, CostAxis axis, boolean log) {
        return of(new SeedGroups().group(entries), entries, axis, log);
    }

    /** @param groups the finished runs of {@code entries}, grouped */
    public static ParetoPlot of(List<SeedGroup> groups, List<RunEntry> entries, CostAxis axis, boolean log) {
        List<ParetoPoint> plotted = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int leftOut = 0;
        int runsDrawn = 0;
        for (SeedGroup g : groups) {
            RunEntry e = g.first();
            if (e.cost() == null) continue;
            double cost = axis.of(e.cost());
            if (log && !(cost > 0)) {
                leftOut++; // log10 of 0 has no place on the axis
                continue;
            }
            double x = log ? Math.log10(cost) : cost;
            plotted.add(new ParetoPoint(e, cost, x, g.mean(), false, g.std(), g.seeds(), g.runs(),
                    MethodStyles.label(e), x));
            ids.add(g.key());
            runsDrawn += g.runs().size();
        }
        List<ParetoFront.Point> candidates = new ArrayList<>();
        for (int i = 0; i < plotted.size(); i++) {
            candidates.add(new ParetoFront.Point(ids.get(i), plotted.get(i).cost(), plotted.get(i).accuracy()));
        }
        Set<String> onFront = ParetoFront.front(candidates).stream().map(ParetoFront.Point::id)
                .collect(Collectors.toSet());
        List<ParetoPoint> points = new ArrayList<>();
        for (int i = 0; i < plotted.size(); i++) {
            points.add(plotted.get(i).onFront(onFront.contains(ids.get(i))));
        }
        List<ParetoPoint> front = points.stream().filter(ParetoPoint::onFront)
                .sorted(Comparator.comparingDouble(ParetoPoint::cost).thenComparing(p -> -p.accuracy())).toList();
        long unfinished = entries.stream().filter(e -> !e.finished()).count();
        long noCost = groups.stream().filter(g -> g.first().cost() == null).count();
        String text = runsDrawn == points.size()
                ? points.size() + (points.size() == 1 ? " run" : " runs")
                : points.size() + (points.size() == 1 ? " configuration" : " configurations") + " from " + runsDrawn
                        + " runs (seeds pooled)";
        text += ", " + front.size() + " on the front";
        if (unfinished > 0) text += "; " + unfinished + " not finished";
        if (noCost > 0) text += "; " + noCost + " without costs";
        if (leftOut > 0) text += "; " + leftOut + " with cost 0 left off the log axis";
        return new ParetoPlot(List.copyOf(points), front, text);
    }
}
