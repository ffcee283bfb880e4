package org.pixeldistill.core.report;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.sweep.SweepTable;
import org.pixeldistill.core.table.CsvTables;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Reads sweep.csv by its header names, as a Tablesaw table, so a sweep written by an older or newer
 * version (columns added or moved) still reads. Only the identifying and accuracy columns are
 * required; a missing cost column reads as NaN.
 */
public final class SweepCsv {
    /** The parsed table: its rows and the cost axis of its Pareto column (null when it has none). */
    public record Table(String paretoAxis, List<SweepRow> rows) {}

    static final List<String> REQUIRED = Stream.concat(
            Stream.of("cell", "student", "method", "ratio", "input_size", "status"),
            SweepTable.ACCURACY_COLUMNS.stream()).toList();
    private static final String PARETO = "pareto_";

    private SweepCsv() {}

    public static Table read(Path csv) {
        tech.tablesaw.api.Table t;
        try {
            t = CsvTables.read(csv, SweepCsv::typeOf);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new ConfigException("no sweep.csv: " + csv + " does not exist");
            }
            throw new ConfigException("cannot read " + csv + ": " + e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(csv + " " + e.getMessage());
        }
        if (t.columnCount() == 0) {
            throw new ConfigException(csv + " is empty (no header)");
        }
        for (String name : REQUIRED) {
            if (!t.containsColumn(name)) {
                throw new ConfigException(csv + ": missing column '" + name + "'");
            }
        }
        String paretoColumn = t.columnNames().stream().filter(h -> h.startsWith(PARETO)).findFirst().orElse(null);
        List<SweepRow> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            rows.add(row(t, r, paretoColumn, csv));
        }
        return new Table(paretoColumn == null ? null : paretoColumn.substring(PARETO.length()), rows);
    }

    /** Each column's type by its name: whole numbers, numbers, the Pareto flag, and text for the rest. */
    static ColumnType typeOf(String column) {
        if (column.equals("ratio") || column.equals("input_size")) {
            return ColumnType.INTEGER;
        }
        if (column.startsWith(PARETO)) {
            return ColumnType.BOOLEAN;
        }
        boolean number = column.equals("seeds") || SweepTable.ACCURACY_COLUMNS.contains(column)
                || (SweepTable.COST_COLUMNS.contains(column) && !column.equals("encoding"));
        return number ? ColumnType.DOUBLE : ColumnType.STRING;
    }

    private static SweepRow row(tech.tablesaw.api.Table t, int r, String paretoColumn, Path csv) {
        double ratio = CsvTables.number(t, "ratio", r);
        double inputSize = CsvTables.number(t, "input_size", r);
        if (Double.isNaN(ratio) || Double.isNaN(inputSize)) {
            throw new ConfigException(csv + " line " + (r + 2) + ": no ratio or input size");
        }
        Map<String, Double> costs = new HashMap<>();
        for (String column : SweepTable.COST_COLUMNS) {
            Double value = number(t, column, r); // null for encoding, the one text column
            if (value != null) {
                costs.put(column, value);
            }
        }
        Double seeds = number(t, "seeds", r);
        List<Double> accuracy = SweepTable.ACCURACY_COLUMNS.stream().map(c -> number(t, c, r)).toList();
        boolean pareto = paretoColumn != null && !t.booleanColumn(paretoColumn).isMissing(r)
                && t.booleanColumn(paretoColumn).get(r);
        return new SweepRow(CsvTables.text(t, "cell", r), CsvTables.text(t, "student", r), CsvTables.text(t, "method", r),
                (int) ratio, (int) inputSize, CsvTables.text(t, "status", r), seeds == null ? 0 : seeds.intValue(),
                accuracy.get(0), accuracy.get(1), accuracy.get(2), accuracy.get(3), costs, CsvTables.text(t, "encoding", r),
                pareto, CsvTables.text(t, "run_folder", r));
    }

    /** A number cell; null when the cell is empty or the column absent (or not a number column). */
    private static Double number(tech.tablesaw.api.Table t, String column, int r) {
        if (typeOf(column) != ColumnType.DOUBLE) {
            return null;
        }
        double v = CsvTables.number(t, column, r);
        return Double.isNaN(v) ? null : v;
    }
}
