package org.pixeldistill.core.run;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * ({@code loss_<term>}), then the test score's columns, which name it: a classifier's file has
 * {@code train_top1,test_top1,test_top5} (as it always had), a detector's {@code test_map50} and no
 * top-1 columns; then the timing numbers, then every further score ({@code score_<name>}). Files
 * written before the score was named (a detector's mAP50 in {@code score_map50}, beside a
 * {@code test_top1} copy of it) read as the same rows. The whole file is rewritten atomically on
 * each append; it is small, and a crash then leaves the previous complete version. Read and
 * written as a Tablesaw table ({@link CsvTables}).
 */
public final class MetricsCsv {
    static final String LOSS = "loss_";
    static final String SCORE = "score_";
    /** Where files written before the score was named keep a detector's mAP50. */
    private static final String OLD_MAP50 = "map50";

    /** A fixed number column and how a row gives its value. */
    private record Fixed(String name, ToDoubleFunction<MetricsRow> value) {}

    private static final List<Fixed> HEAD = List.of(new Fixed("lr", MetricsRow::lr));
    /** A classifier's score columns, in their place since the first version of the file. */
    private static final List<Fixed> TOP1 = List.of(new Fixed("train_top1", MetricsRow::trainTop1),
            new Fixed("test_top1", MetricsRow::testScore), new Fixed("test_top5", MetricsRow::testTop5));
    private static final List<Fixed> MAP50 = List.of(new Fixed(Score.MAP50.testColumn(), MetricsRow::testScore));
    private static final List<Fixed> TAIL = List.of(new Fixed("wall_seconds", MetricsRow::wallSeconds),
            new Fixed("images_per_second", MetricsRow::imagesPerSecond), new Fixed("data_wait", MetricsRow::dataWait));

    private final Path file;
    private final List<MetricsRow> rows = new ArrayList<>();

    public MetricsCsv(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) { // anything else there is not read but fails the first write, naming it
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
    public synchronized void truncate(Stage stage, int seed, int fromEpoch) {
        if (rows.removeIf(r -> r.stage().equals(stage) && r.seed() == seed && r.epoch() >= fromEpoch)) {
            AtomicFiles.writeString(file, format(rows));
        }
    }

    static String format(List<MetricsRow> rows) {
        return CsvTables.format(table(rows));
    }

    /** The rows as the table metrics.csv holds: a column for every loss term and score any row has. */
    static Table table(List<MetricsRow> rows) {
        Table t = Table.create("metrics", StringColumn.create("stage", rows.stream().map(r -> r.stage().key())),
                integers("seed", rows, MetricsRow::seed), integers("epoch", rows, MetricsRow::epoch));
        HEAD.forEach(f -> t.addColumns(numbers(f, rows, null)));
        optional(rows, LOSS, MetricsRow::losses).forEach(t::addColumns);
        Set<Score> kinds = EnumSet.noneOf(Score.class);
        rows.forEach(r -> kinds.add(r.score()));
        // a row of another kind (never in one run's file) gets NaN in this kind's columns
        kinds.forEach(kind -> (kind == Score.TOP1 ? TOP1 : MAP50).forEach(f -> t.addColumns(numbers(f, rows, kind))));
        TAIL.forEach(f -> t.addColumns(numbers(f, rows, null)));
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

    /** @param kind the score kind whose rows fill the column, null for a column every row fills */
    private static DoubleColumn numbers(Fixed fixed, List<MetricsRow> rows, Score kind) {
        DoubleColumn column = CsvTables.numbers(fixed.name(), "NaN"); // a fixed column always has a value, NaN included
        rows.forEach(r -> column.append(kind == null || r.score() == kind ? fixed.value().applyAsDouble(r) : Double.NaN));
        return column;
    }

    /** The type of a column by its name; one a later version adds reads as text. */
    static ColumnType typeOf(String column) {
        if (column.equals("seed") || column.equals("epoch")) {
            return ColumnType.INTEGER;
        }
        boolean fixed = Stream.of(HEAD, TOP1, MAP50, TAIL).flatMap(List::stream).anyMatch(f -> f.name().equals(column));
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
        // a row's score: the one whose test column it fills, or mAP50 where an older file kept it among the scores
        boolean map50 = !Double.isNaN(d(t, Score.MAP50.testColumn(), r));
        Score score = map50 || scores.containsKey(OLD_MAP50) ? Score.MAP50 : Score.TOP1;
        double test = score == Score.MAP50 && !map50 ? scores.remove(OLD_MAP50) : d(t, score.testColumn(), r);
        return new MetricsRow(Stage.of(CsvTables.text(t, "stage", r)), (int) seed, (int) epoch, CsvTables.number(t, "lr", r),
                losses, score, test, d(t, "train_top1", r), d(t, "test_top5", r), d(t, "wall_seconds", r),
                d(t, "images_per_second", r), d(t, "data_wait", r), scores);
    }

    private static double d(Table t, String column, int r) {
        return CsvTables.number(t, column, r);
    }
}
