package org.pixeldistill.core.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.cost.ParetoFront;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.run.RunSummary;

/**
 * sweep.csv: one row per cell with its accuracy (mean and spread over seeds of the best and last
 * test top-1), every cost column of the student at its input size, whether the cell is on the
 * Pareto front of accuracy against the chosen cost column, and its run folder.
 */
public final class SweepTable {
    /** Cost columns, in the order of {@link CostReport}'s JSON form. */
    public static final List<String> COST_COLUMNS = List.of("params", "macs", "activation_bytes", "pixels", "bytes_raw",
            "bytes_png", "bytes_jpeg", "jpeg_quality", "bandwidth_mbps", "encoding", "transmit_seconds", "weighted_total");
    private static final List<String> HEAD = List.of("cell", "student", "method", "ratio", "input_size", "status", "seeds",
            "best_top1_mean", "best_top1_std", "last_top1_mean", "last_top1_std");
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** A cell's row before formatting. */
    public record Row(SweepRunner.Result result, CostReport cost) {}

    private SweepTable() {}

    public static void checkAxis(String axis) {
        List<String> numeric = COST_COLUMNS.stream().filter(c -> !c.equals("encoding")).toList();
        if (!numeric.contains(axis)) {
            throw new ConfigException("cost axis must be one of " + numeric + ", got '" + axis + "'");
        }
    }

    public static void write(Path file, List<Row> rows, String axis) {
        AtomicFiles.writeString(file, format(rows, axis));
    }

    static String format(List<Row> rows, String axis) {
        Set<String> front = paretoIds(rows, axis);
        List<String> header = new ArrayList<>(HEAD);
        header.addAll(COST_COLUMNS);
        header.add("pareto_" + axis);
        header.add("run_folder");
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Row row : rows) {
            SweepCell c = row.result().cell();
            RunSummary s = row.result().summary();
            List<String> cells = new ArrayList<>(List.of(c.id(), c.student(), c.method(), Integer.toString(c.ratio()),
                    Integer.toString(c.inputSize()), s == null ? "not started" : s.status(),
                    Integer.toString(s == null ? 0 : (int) s.seeds().stream().filter(RunSummary.SeedResult::finished).count()),
                    num(s == null ? null : s.bestScore()), num(s == null ? null : s.bestScoreStd()),
                    num(s == null ? null : s.lastScore()), num(s == null ? null : s.lastScoreStd())));
            Map<String, Object> cost = costMap(row.cost());
            for (String col : COST_COLUMNS) {
                Object v = cost.get(col);
                cells.add(v instanceof Number n ? num(n.doubleValue()) : String.valueOf(v));
            }
            cells.add(Boolean.toString(front.contains(c.id())));
            cells.add(row.result().folder().toString());
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** Finished cells not dominated in (cost on the axis, mean best top-1). */
    static Set<String> paretoIds(List<Row> rows, String axis) {
        List<ParetoFront.Point> points = new ArrayList<>();
        for (Row row : rows) {
            RunSummary s = row.result().summary();
            if (s != null && "finished".equals(s.status()) && s.bestScore() != null) {
                double cost = ((Number) costMap(row.cost()).get(axis)).doubleValue();
                points.add(new ParetoFront.Point(row.result().cell().id(), cost, s.bestScore()));
            }
        }
        Set<String> ids = new HashSet<>();
        ParetoFront.front(points).forEach(p -> ids.add(p.id()));
        return ids;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> costMap(CostReport report) {
        return new LinkedHashMap<>(JSON.convertValue(report, Map.class));
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
