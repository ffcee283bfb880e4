package org.pixeldistill.core.report;

import static org.pixeldistill.core.report.ReportFormat.factor;
import static org.pixeldistill.core.report.ReportFormat.pct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a smaller input costs in accuracy against what it saves in compute and bytes, each reduced
 * size against the baseline at r = 1 (the student at the teacher's input size).
 */
final class SizeTradeOff {
    private SizeTradeOff() {}

    static List<String> of(SweepGrid grid, String student) {
        List<String> out = new ArrayList<>();
        List<Integer> reduced = grid.ratios(student).stream().filter(r -> r > 1).toList();
        if (reduced.isEmpty()) {
            return out;
        }
        Optional<SweepRow> reference = grid.finished(student, 1, Findings.BASELINE);
        if (reference.isEmpty()) {
            out.add("There is no finished r = 1 baseline for " + student
                    + ", so the accuracy lost to smaller inputs cannot be measured.");
            return out;
        }
        SweepRow ref = reference.get();
        for (int r : reduced) {
            List<SweepRow> ranked = grid.ranked(student, r);
            Optional<SweepRow> base = grid.finished(student, r, Findings.BASELINE);
            if (ranked.isEmpty()) {
                continue;
            }
            SweepRow any = ranked.get(0);
            String savings = savings(ref, any);
            StringBuilder s = new StringBuilder("r = " + r + " (" + any.inputSize() + " px)")
                    .append(savings.isEmpty() ? " against r = 1 (" : " needs " + savings + " than r = 1 (")
                    .append(ref.inputSize()).append(" px)");
            s.append(base.map(b -> "; the baseline there " + change(ref, b) + ".")
                    .orElse("; there is no finished baseline there."));
            SweepRow best = ranked.get(0);
            if (!best.method().equals(Findings.BASELINE)) {
                s.append(" The best method there, ").append(best.method()).append(", ").append(change(ref, best))
                        .append('.');
            }
            out.add(s.toString());
        }
        return out;
    }

    /** "loses 12.30 points (70.00 % vs 82.30 %)" or "gains ...". */
    private static String change(SweepRow ref, SweepRow row) {
        double d = ref.bestMean() - row.bestMean();
        return (d >= 0 ? "loses " : "gains ") + pct(Math.abs(d)) + " points (" + pct(row.bestMean()) + " % vs "
                + pct(ref.bestMean()) + " %)";
    }

    /** "16.0x fewer MACs and 9.5x fewer bytes sent (jpeg)", leaving out what was not measured. */
    private static String savings(SweepRow ref, SweepRow row) {
        List<String> parts = new ArrayList<>();
        ratio(ref.cost("macs"), row.cost("macs")).ifPresent(f -> parts.add(factor(f) + " fewer MACs"));
        ratio(ref.bytesSent(), row.bytesSent()).ifPresent(f -> parts.add(factor(f) + " fewer bytes sent ("
                + (row.encoding().isBlank() ? "raw" : row.encoding()) + ")"));
        return String.join(" and ", parts);
    }

    private static Optional<Double> ratio(double reference, double reduced) {
        if (Double.isNaN(reference) || Double.isNaN(reduced) || reduced <= 0) {
            return Optional.empty();
        }
        return Optional.of(reference / reduced);
    }
}
