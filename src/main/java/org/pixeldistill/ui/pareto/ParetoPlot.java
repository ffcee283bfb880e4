package org.pixeldistill.ui.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pixeldistill.core.cost.ParetoFront;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * The points of a Pareto chart for one cost axis: every finished run with a cost, marked when it
 * is on the front ({@link ParetoFront#front}, computed on the cost itself so the log scale cannot
 * change it).
 *
 * @param front the front's points, cost ascending
 * @param status one line: how many runs are drawn, on the front, and left out and why
 */
public record ParetoPlot(List<ParetoPoint> points, List<ParetoPoint> front, String status) {

    public static ParetoPlot of(List<RunEntry> entries, CostAxis axis, boolean log) {
        List<ParetoPoint> plotted = new ArrayList<>();
        int leftOut = 0;
        for (RunEntry e : entries) {
            if (!e.finished() || e.cost() == null) continue;
            double cost = axis.of(e.cost());
            if (log && !(cost > 0)) {
                leftOut++; // log10 of 0 has no place on the axis
                continue;
            }
            plotted.add(new ParetoPoint(e, cost, log ? Math.log10(cost) : cost, e.bestTop1(), false));
        }
        Set<String> onFront = ParetoFront.front(plotted.stream()
                        .map(p -> new ParetoFront.Point(id(p), p.cost(), p.accuracy())).toList())
                .stream().map(ParetoFront.Point::id).collect(Collectors.toSet());
        List<ParetoPoint> points = plotted.stream()
                .map(p -> new ParetoPoint(p.entry(), p.cost(), p.x(), p.accuracy(), onFront.contains(id(p)))).toList();
        List<ParetoPoint> front = points.stream().filter(ParetoPoint::onFront)
                .sorted(Comparator.comparingDouble(ParetoPoint::cost).thenComparing(p -> -p.accuracy())).toList();
        long unfinished = entries.stream().filter(e -> !e.finished()).count();
        long noCost = entries.stream().filter(e -> e.finished() && e.cost() == null).count();
        String text = points.size() + (points.size() == 1 ? " run" : " runs") + ", " + front.size() + " on the front";
        if (unfinished > 0) text += "; " + unfinished + " not finished";
        if (noCost > 0) text += "; " + noCost + " without costs";
        if (leftOut > 0) text += "; " + leftOut + " with cost 0 left off the log axis";
        return new ParetoPlot(points, front, text);
    }

    private static String id(ParetoPoint p) {
        return p.entry().folder().toString();
    }
}
