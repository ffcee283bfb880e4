package org.pixeldistill.core.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.cost.ParetoFront;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.table.CsvTables;
import org.pixeldistill.core.util.RelativePaths;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * sweep.csv: one row per cell with its accuracy (mean and spread over seeds of the best and last
 * test top-1), every cost column of the student at its input size, whether the cell is on the
 * Pareto front of accuracy against the chosen cost column, and its run folder relative to the
 * sweep's folder. Written as a Tablesaw table ({@link CsvTables}).
 */
public final class SweepTable {
    /** Cost columns, in the order of {@link CostReport}'s JSON form. */
    public static final List<String> COST_COLUMNS = List.of("params", "macs", "activation_bytes", "pixels", "bytes_raw",
            "bytes_png", "bytes_jpeg", "jpeg_quality", "bandwidth_mbps", "encoding", "transmit_seconds", "weighted_total");
    /** The accuracy columns: mean and spread over seeds of the best and the last epoch. */
    public static final List<String> ACCURACY_COLUMNS = List.of("best_top1_mean", "best_top1_std", "last_top1_mean",
            "last_top1_std");
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

    /** Writes sweep.csv atomically; run folders are named relative to its folder. */
    public static void write(Path file, List<Row> rows, String axis) {
        Path folder = file.toAbsolutePath().getParent();
        AtomicFiles.writeString(file, CsvTables.format(table(rows, axis, folder)));
    }

    /** The text of sweep.csv, run folders relative to {@code folder} (where the file is). */
    static String format(List<Row> rows, String axis, Path folder) {
        return CsvTables.format(table(rows, axis, folder));
    }

    /** The rows as the table sweep.csv holds. */
    static Table table(List<Row> rows, String axis, Path folder) {
        Set<String> front = paretoIds(rows, axis);
        StringColumn cell = StringColumn.create("cell");
        StringColumn student = StringColumn.create("student");
        StringColumn method = StringColumn.create("method");
        IntColumn ratio = CsvTables.integers("ratio");
        IntColumn inputSize = CsvTables.integers("input_size");
        StringColumn status = StringColumn.create("status");
        IntColumn seeds = CsvTables.integers("seeds");
        List<DoubleColumn> accuracy = ACCURACY_COLUMNS.stream().map(CsvTables::numbers).toList();
        Map<String, Column<?>> costs = new LinkedHashMap<>();
        COST_COLUMNS.forEach(c -> costs.put(c, c.equals("encoding") ? StringColumn.create(c) : CsvTables.numbers(c)));
        BooleanColumn pareto = BooleanColumn.create("pareto_" + axis);
        StringColumn runFolder = StringColumn.create("run_folder");
        for (Row row : rows) {
            SweepCell c = row.result().cell();
            RunSummary s = row.result().summary();
            cell.append(c.id());
            student.append(c.student());
            method.append(c.method());
            ratio.append(c.ratio());
            inputSize.append(c.inputSize());
            status.append(s == null ? "not started" : s.status());
            seeds.append(s == null ? 0 : (int) s.seeds().stream().filter(RunSummary.SeedResult::finished).count());
            List<Double> values = s == null ? Arrays.asList(null, null, null, null)
                    : Arrays.asList(s.bestScore(), s.bestScoreStd(), s.lastScore(), s.lastScoreStd());
            for (int i = 0; i < accuracy.size(); i++) {
                accuracy.get(i).append(values.get(i) == null ? Double.NaN : values.get(i));
            }
            Map<String, Object> cost = costMap(row.cost());
            costs.forEach((name, column) -> {
                Object v = cost.get(name);
                if (column instanceof DoubleColumn numbers) {
                    numbers.append(v instanceof Number n ? n.doubleValue() : Double.NaN);
                } else {
                    ((StringColumn) column).append(String.valueOf(v));
                }
            });
            pareto.append(front.contains(c.id()));
            runFolder.append(RelativePaths.of(folder, row.result().folder()));
        }
        Table table = Table.create("sweep", cell, student, method, ratio, inputSize, status, seeds);
        accuracy.forEach(table::addColumns);
        costs.values().forEach(table::addColumns);
        return table.addColumns(pareto, runFolder);
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

}
