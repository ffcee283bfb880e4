package org.pixeldistill.core.report;

import static org.pixeldistill.core.report.ReportFormat.pct;
import static org.pixeldistill.core.report.ReportFormat.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain sentences drawn from the numbers of one student: each method against the baseline at the
 * same reduced size, the best method at each size, what each size costs in accuracy against what
 * it saves, and per method whether it helped anywhere. A difference is called a win or a loss
 * only when it exceeds the two spreads added; a single seed gets no verdict.
 */
final class Findings {
    static final String BASELINE = "baseline";

    private Findings() {}

    static List<String> of(SweepGrid grid, String student) {
        List<String> out = new ArrayList<>();
        Map<String, List<Comparison>> byMethod = new LinkedHashMap<>();
        for (int r : grid.ratios(student)) {
            if (r > 1) {
                out.addAll(againstBaseline(grid, student, r, byMethod));
            }
        }
        for (int r : grid.ratios(student)) {
            best(grid, student, r).ifPresent(out::add);
        }
        out.addAll(SizeTradeOff.of(grid, student));
        byMethod.forEach((method, list) -> summary(method, list).ifPresent(out::add));
        convergence(grid, student).ifPresent(out::add);
        return out;
    }

    /**
     * How far the last epoch ends below the best, over the finished cells: a budget where students
     * converge ends close to its best, so a large gap says the numbers are still moving (or noisy).
     */
    static Optional<String> convergence(SweepGrid grid, String student) {
        SweepRow widest = grid.rows().stream()
                .filter(r -> r.student().equals(student) && r.finished() && r.lastMean() != null)
                .max(Comparator.comparingDouble(Findings::gap)).orElse(null);
        if (widest == null) {
            return Optional.empty();
        }
        if (gap(widest) <= 0) {
            return Optional.of("Convergence: every finished cell's mean last epoch equals its mean best.");
        }
        return Optional.of("Convergence: every finished cell's mean last epoch is within " + pct(gap(widest))
                + " points of its mean best (the widest gap: " + widest.method() + " at r = " + widest.ratio() + ", "
                + pct(widest.lastMean()) + " % last against " + pct(widest.bestMean()) + " % best).");
    }

    private static double gap(SweepRow row) {
        return row.bestMean() - row.lastMean();
    }

    private static String at(SweepGrid grid, String student, int r) {
        return "r = " + r + " (" + grid.inputSize(student, r) + " px)";
    }

    static List<String> againstBaseline(SweepGrid grid, String student, int r, Map<String, List<Comparison>> byMethod) {
        List<String> out = new ArrayList<>();
        Optional<SweepRow> base = grid.get(student, r, BASELINE);
        List<String> waiting = new ArrayList<>();
        for (String method : grid.methods(student)) {
            Optional<SweepRow> row = grid.get(student, r, method);
            if (method.equals(BASELINE) || row.isEmpty()) {
                continue;
            }
            if (!row.get().finished()) {
                out.add("At " + at(grid, student, r) + ", " + method + " has no result yet (" + row.get().status() + ").");
            } else if (base.isEmpty() || !base.get().finished()) {
                waiting.add(method);
            } else {
                Comparison c = Comparison.of(row.get(), base.get());
                byMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(c);
                out.add(sentence(at(grid, student, r), method, c));
            }
        }
        if (!waiting.isEmpty()) {
            out.add("At " + at(grid, student, r) + " there is no finished baseline ("
                    + base.map(SweepRow::status).orElse("not in the sweep") + "), so " + String.join(", ", waiting)
                    + " cannot be compared with it.");
        }
        return out;
    }

    static String sentence(String where, String method, Comparison c) {
        String numbers = pct(c.a().bestMean()) + " % against " + pct(c.b().bestMean()) + " %, " + points(c.delta())
                + " points";
        String spread = pct(c.spread()) + " points";
        return switch (c.verdict()) {
            case BEATS -> "At " + where + ", " + method + " beats the baseline: " + numbers
                    + ", more than the combined spread of " + spread + ".";
            case TRAILS -> "At " + where + ", " + method + " trails the baseline: " + numbers
                    + ", more than the combined spread of " + spread + ".";
            case WITHIN_SPREAD -> "At " + where + ", " + method + " is within the spread of the baseline, no clear"
                    + " difference: " + numbers + ", combined spread " + spread + ".";
            case ONE_SEED -> "At " + where + ", " + method + " reaches " + pct(c.a().bestMean()) + " % against the"
                    + " baseline's " + pct(c.b().bestMean()) + " % (" + points(c.delta()) + " points); with a single seed"
                    + " there is no spread to judge this difference against.";
        };
    }

    /** The most accurate method at one size, and whether its lead over the second is clear. */
    static Optional<String> best(SweepGrid grid, String student, int r) {
        List<SweepRow> ranked = grid.ranked(student, r);
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        SweepRow first = ranked.get(0);
        String head = "Best at " + at(grid, student, r) + ": " + first.method() + ", " + pct(first.bestMean()) + " %";
        if (ranked.size() == 1) {
            return Optional.of(head + " (the only finished cell there).");
        }
        SweepRow second = ranked.get(1);
        Comparison c = Comparison.of(first, second);
        if (c.delta() == 0) {
            return Optional.of(head + ", tied with " + second.method() + ": no clear winner.");
        }
        String gap = pct(c.delta()) + " points ahead of " + second.method() + " (" + pct(second.bestMean()) + " %)";
        return Optional.of(head + switch (c.verdict()) {
            case BEATS -> ", " + gap + ", more than their combined spread of " + pct(c.spread()) + " points.";
            case WITHIN_SPREAD, TRAILS -> ", but only " + gap + ", within their combined spread of " + pct(c.spread())
                    + " points: no clear winner.";
            case ONE_SEED -> ", " + gap + "; a single seed, so the lead is not established.";
        });
    }

    /** Whether a method helped at any reduced size; says so plainly when it did not. */
    static Optional<String> summary(String method, List<Comparison> comparisons) {
        List<Comparison> judged = comparisons.stream().filter(c -> c.verdict() != Comparison.Verdict.ONE_SEED).toList();
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        List<String> wins = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Comparison c : judged) {
            if (c.verdict() == Comparison.Verdict.BEATS) {
                wins.add("r = " + c.a().ratio());
            } else {
                others.add("r = " + c.a().ratio() + ": " + c.shortVerdict());
            }
        }
        if (wins.isEmpty()) {
            return Optional.of(method + " does not beat the baseline at any reduced size tested ("
                    + String.join("; ", others) + ").");
        }
        if (others.isEmpty()) {
            return Optional.of(method + " beats the baseline at every reduced size tested (" + String.join(", ", wins)
                    + ").");
        }
        return Optional.of(method + " beats the baseline at " + String.join(", ", wins) + " but not elsewhere ("
                + String.join("; ", others) + ").");
    }
}
