package org.pixeldistill.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.pixeldistill.core.sweep.SweepPlan;

/**
 * The rows of a sweep arranged as its grid: students in the order of the table, ratios ascending,
 * methods in the sweep's order (baseline, kd, at, isrd, tas; any other after them by name).
 */
final class SweepGrid {
    private final List<SweepRow> rows;
    private final Map<String, SweepRow> byKey = new LinkedHashMap<>();

    SweepGrid(List<SweepRow> rows) {
        this.rows = List.copyOf(rows);
        rows.forEach(r -> byKey.putIfAbsent(key(r.student(), r.ratio(), r.method()), r));
    }

    List<SweepRow> rows() {
        return rows;
    }

    List<String> students() {
        return rows.stream().map(SweepRow::student).distinct().toList();
    }

    List<Integer> ratios(String student) {
        return List.copyOf(new TreeSet<>(rows.stream().filter(r -> r.student().equals(student)).map(SweepRow::ratio)
                .toList()));
    }

    List<String> methods(String student) {
        Comparator<String> order = Comparator.comparingInt((String m) -> {
            int i = SweepPlan.METHODS.indexOf(m);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Comparator.naturalOrder());
        return rows.stream().filter(r -> r.student().equals(student)).map(SweepRow::method).distinct().sorted(order)
                .toList();
    }

    Optional<SweepRow> get(String student, int ratio, String method) {
        return Optional.ofNullable(byKey.get(key(student, ratio, method)));
    }

    /** A finished cell, or empty. */
    Optional<SweepRow> finished(String student, int ratio, String method) {
        return get(student, ratio, method).filter(SweepRow::finished);
    }

    /** The finished cells of one student and ratio, most accurate first. */
    List<SweepRow> ranked(String student, int ratio) {
        List<SweepRow> out = new ArrayList<>();
        for (String m : methods(student)) {
            finished(student, ratio, m).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(SweepRow::bestMean).reversed());
        return out;
    }

    /** The student's input size at a ratio (the same for every method of that ratio). */
    int inputSize(String student, int ratio) {
        return rows.stream().filter(r -> r.student().equals(student) && r.ratio() == ratio).mapToInt(SweepRow::inputSize)
                .findFirst().orElse(0);
    }

    private static String key(String student, int ratio, String method) {
        return student + "\u0000" + ratio + "\u0000" + method;
    }
}
