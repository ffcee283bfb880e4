package org.pixeldistill.core.run;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.pixeldistill.core.table.CsvTables;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * metrics.csv of a run: one row per epoch, stage and seed, every loss term in its own column
 * ({@code loss_<term>}), then the fixed numbers, then every further score ({@code score_<name>}).
 * The whole file is rewritten atomically on each append; it is small, and a crash then leaves the
 * previous complete version. Read and written as a Tablesaw table ({@link CsvTables}).
 */
public final class MetricsCsv {
    static final String LOSS = "loss_";
    static final String SCORE = "score_";
    /** A fixed number column and how a row gives its value. */
    private record Fixed(String name, ToDoubleFunction<MetricsRow> value) {}

    /** The fixed number columns before the loss terms, and after them (before the further scores). */
    private static final List<Fixed> HEAD = List.of(new Fixed("lr", MetricsRow::lr));
    private static final List<Fixed> TAIL = List.of(new Fixed("train_top1", MetricsRow::trainTop1),
            new Fixed("test_top1", MetricsRow::testTop1), new Fixed("test_top5", MetricsRow::testTop5),
            new Fixed("wall_seconds", MetricsRow::wallSeconds), new Fixed("images_per_second", MetricsRow::imagesPerSecond),
            new Fixed("data_wait", MetricsRow::dataWait));

    private final Path file;
    private final List<MetricsRow> rows = new ArrayList<>();

    public MetricsCsv(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            rows.addAll(read(file));
        }
    }

    public synchronized List<MetricsRow> rows() {
        return List.copyOf(rows);
    }

    public synchronized void append(MetricsRow row) {
        rows.add(row);
        AtomicFiles.writeString(file, format(rows));
    }

    /** Drops rows of a stage and seed from the given epoch on (a resumed run redoes them). */
    public synchronized void truncate(String stage, int seed, int fromEpoch) {
        if (rows.removeIf(r -> r.stage().equals(stage) && r.seed() == seed && r.epoch() >= fromEpoch)) {
            AtomicFiles.writeString(file, format(rows));
        }
    }

    static String format(List<MetricsRow> rows) {
        return CsvTables.format(table(rows));
    }

    /** The rows as the table metrics.csv holds: a column for every loss term and score any row has. */
    static Table table(List<MetricsRow> rows) {
        Table t = Table.create("metrics", StringColumn.create("stage", rows.stream().map(MetricsRow::stage)),
                integers("seed", rows, MetricsRow::seed), integers("epoch", rows, MetricsRow::epoch));
        HEAD.forEach(f -> t.addColumns(numbers(f, rows)));
        optional(rows, LOSS, MetricsRow::losses).forEach(t::addColumns);
        TAIL.forEach(f -> t.addColumns(numbers(f, rows)));
        optional(rows, SCORE, MetricsRow::scores).forEach(t::addColumns);
        return t;
    }

    /**
     * A column per key any row has, as text: an empty cell is a key the row does not have, "NaN" a
     * value that is not a number (a class without test objects has no AP), and Tablesaw's number
     * columns would hold both as one missing value.
     */
    private static List<Column<?>> optional(List<MetricsRow> rows, String prefix,
            Function<MetricsRow, Map<String, Double>> values) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(values.apply(r).keySet()));
        List<Column<?>> columns = new ArrayList<>();
        for (String key : keys) {
            columns.add(StringColumn.create(prefix + key, rows.stream().map(r -> {
                Double v = values.apply(r).get(key);
                return v == null ? "" : CsvTables.number(v);
            })));
        }
        return columns;
    }

    private static IntColumn integers(String name, List<MetricsRow> rows, ToIntFunction<MetricsRow> value) {
        IntColumn column = CsvTables.integers(name);
        rows.forEach(r -> column.append(value.applyAsInt(r)));
        return column;
    }

    private static DoubleColumn numbers(Fixed fixed, List<MetricsRow> rows) {
        DoubleColumn column = CsvTables.numbers(fixed.name(), "NaN"); // a fixed column always has a value, NaN included
        rows.forEach(r -> column.append(fixed.value().applyAsDouble(r)));
        return column;
    }

    /** The type of a column by its name; one a later version adds reads as text. */
    static ColumnType typeOf(String column) {
        if (column.equals("seed") || column.equals("epoch")) {
            return ColumnType.INTEGER;
        }
        boolean fixed = Stream.concat(HEAD.stream(), TAIL.stream()).anyMatch(f -> f.name().equals(column));
        return fixed ? ColumnType.DOUBLE : ColumnType.STRING;
    }

    static List<MetricsRow> read(Path file) {
        try {
            Table t = CsvTables.read(file, MetricsCsv::typeOf);
            List<MetricsRow> out = new ArrayList<>();
            if (t.columnCount() == 0) {
                return out;
            }
            for (String required : List.of("stage", "seed", "epoch")) {
                if (!t.containsColumn(required)) {
                    throw new IllegalArgumentException("no column '" + required + "'");
                }
            }
            for (int r = 0; r < t.rowCount(); r++) {
                out.add(row(t, r));
            }
            return out;
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a metrics file of this program: " + e.getMessage(), e);
        }
    }

    private static MetricsRow row(Table t, int r) {
        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String column : t.columnNames()) {
            String v = t.column(column).getString(r);
            if (column.startsWith(LOSS) && !v.isEmpty()) {
                losses.put(column.substring(LOSS.length()), Double.parseDouble(v));
            } else if (column.startsWith(SCORE) && !v.isEmpty()) {
                scores.put(column.substring(SCORE.length()), Double.parseDouble(v));
            }
        }
        double seed = CsvTables.number(t, "seed", r);
        double epoch = CsvTables.number(t, "epoch", r);
        if (Double.isNaN(seed) || Double.isNaN(epoch)) {
            throw new IllegalArgumentException("line " + (r + 2) + ": no seed or epoch");
        }
        return new MetricsRow(CsvTables.text(t, "stage", r), (int) seed, (int) epoch, CsvTables.number(t, "lr", r),
                losses, d(t, "train_top1", r), d(t, "test_top1", r), d(t, "test_top5", r), d(t, "wall_seconds", r),
                d(t, "images_per_second", r), d(t, "data_wait", r), scores);
    }

    private static double d(Table t, String column, int r) {
        return CsvTables.number(t, column, r);
    }
}
