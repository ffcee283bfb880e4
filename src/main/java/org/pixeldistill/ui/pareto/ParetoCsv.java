package org.pixeldistill.ui.pareto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.table.CsvTables;
import org.pixeldistill.core.util.RelativePaths;
import org.pixeldistill.ui.runs.RunEntry;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Pareto chart's points as CSV (one row per configuration, seeds pooled): what it is, every
 * cost axis in its own units, the score's mean, spread and seed count, whether it is on the
 * front, and its run folders relative to the file's folder. Written atomically, formatted as the
 * runs table's CSV ({@link CsvTables}).
 */
public final class ParetoCsv {
    private ParetoCsv() {}

    /** The cost axes' column names: "macs", "kb_jpeg", "transmit_ms", ... */
    static String column(CostAxis axis) {
        return axis.name().toLowerCase(Locale.ROOT);
    }

    public static List<String> header() {
        List<String> h = new ArrayList<>(List.of("config", "method", "kind", "student", "width", "input_size"));
        for (CostAxis a : CostAxis.values()) h.add(column(a));
        h.addAll(List.of("mean", "std", "n_seeds", "on_front", "runs"));
        return h;
    }

    public static void write(Path file, List<ParetoPoint> points) {
        AtomicFiles.writeString(file, format(points, file.toAbsolutePath().getParent()));
    }

    /** @param folder where the file is saved: run folders are written relative to it */
    public static String format(List<ParetoPoint> points, Path folder) {
        StringColumn config = StringColumn.create("config");
        StringColumn method = StringColumn.create("method");
        StringColumn kind = StringColumn.create("kind");
        StringColumn student = StringColumn.create("student");
        DoubleColumn width = CsvTables.numbers("width");
        IntColumn inputSize = CsvTables.integers("input_size");
        List<DoubleColumn> costs = new ArrayList<>();
        for (CostAxis a : CostAxis.values()) costs.add(CsvTables.numbers(column(a)));
        DoubleColumn mean = CsvTables.numbers("mean");
        DoubleColumn std = CsvTables.numbers("std");
        IntColumn seeds = CsvTables.integers("n_seeds");
        StringColumn onFront = StringColumn.create("on_front");
        StringColumn runs = StringColumn.create("runs");
        for (ParetoPoint p : points) {
            RunEntry e = p.entry();
            config.append(e.name());
            method.append(p.method());
            kind.append(e.kind());
            student.append(e.backbone());
            width.append(e.width());
            inputSize.append(e.inputSize());
            for (int i = 0; i < CostAxis.values().length; i++) {
                costs.get(i).append(e.cost() == null ? Double.NaN : CostAxis.values()[i].of(e.cost()));
            }
            mean.append(p.accuracy());
            std.append(p.std());
            seeds.append(p.seeds());
            onFront.append(Boolean.toString(p.onFront()));
            runs.append(p.runs().stream().map(r -> folder == null ? r.folder().toString() : RelativePaths.of(folder, r.folder()))
                    .collect(Collectors.joining(";")));
        }
        Table table = Table.create("pareto", config, method, kind, student, width, inputSize);
        costs.forEach(table::addColumns);
        return CsvTables.format(table.addColumns(mean, std, seeds, onFront, runs));
    }
}
