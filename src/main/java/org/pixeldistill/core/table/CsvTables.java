package org.pixeldistill.core.table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Function;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvReader;
import tech.tablesaw.io.csv.CsvWriteOptions;
import tech.tablesaw.io.csv.CsvWriter;

/**
 * The project's CSV files (metrics.csv, sweep.csv, the runs and AP exports) as Tablesaw tables.
 * Reading names every column's type from its header name, so nothing depends on Tablesaw guessing
 * from the values (a column that is empty in every row, or a per-class column only some runs have,
 * reads like any other); only an empty cell is missing, so text such as "NA" stays text, and space
 * around an unquoted cell is dropped (as a hand-edited file may have it). Writing (Tablesaw's
 * writer, univocity underneath) quotes a cell that holds a comma or a line break or starts with a
 * quote, doubling the quotes inside; a quote further into an otherwise plain cell is written as it
 * is, which Tablesaw and Python's csv module read back as the same text (only a strict RFC 4180
 * reader would refuse it). It ends lines with {@code \n} and prints the number columns made here
 * as the files always had them; the writers hand the text to {@code AtomicFiles}, so a crash
 * leaves the previous complete file.
 */
public final class CsvTables {
    private CsvTables() {}

    /**
     * The table in {@code file}, each column of the type {@code typeOf} gives its header name; a
     * blank file is a table without columns.
     *
     * @throws UncheckedIOException when the file cannot be read (a NoSuchFileException as cause when absent)
     * @throws IllegalArgumentException when a row does not fit the header or a cell not its column's
     *     type; the message names the line, counted as if no cell spanned lines
     */
    public static Table read(Path file, Function<String, ColumnType> typeOf) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(text, String.valueOf(file.getFileName()), typeOf);
    }

    /** {@link #read} of text already in memory; {@code name} becomes the table's name. */
    public static Table parse(String text, String name, Function<String, ColumnType> typeOf) {
        if (text.isBlank()) {
            return Table.create(name);
        }
        CsvReadOptions options = CsvReadOptions.builderFromString(text).tableName(name).header(true)
                .columnTypes(typeOf).missingValueIndicator("").build();
        try {
            return new CsvReader().read(options);
        } catch (AddCellToColumnException e) {
            // Tablesaw counts data rows from 1; the header is line 1
            String where = e.getCause() instanceof IndexOutOfBoundsException ? ""
                    : " (column " + e.getColumnNames().get(e.getColumnIndex()) + ")";
            throw new IllegalArgumentException("line " + (e.getRowNumber() + 1) + where + ": " + rootMessage(e), e);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        }
    }

    /** The table as CSV text, header first. */
    public static String format(Table table) {
        StringWriter out = new StringWriter();
        new CsvWriter().write(table, CsvWriteOptions.builder(out).header(true).lineEnd("\n").usePrintFormatters(true)
                .ignoreLeadingWhitespaces(false).ignoreTrailingWhitespaces(false).build());
        return out.toString();
    }

    /** A number column printed to six significant digits, a missing value as an empty cell. */
    public static DoubleColumn numbers(String name) {
        return numbers(name, PrintedNumbers.SIX_DIGITS, "");
    }

    /** A number column printed to six significant digits, a missing value (NaN) as {@code missing}. */
    public static DoubleColumn numbers(String name, String missing) {
        return numbers(name, PrintedNumbers.SIX_DIGITS, missing);
    }

    /**
     * A number column printed with a {@link String#format} pattern in the root locale, a missing
     * value (NaN) as {@code missing}.
     */
    public static DoubleColumn numbers(String name, String pattern, String missing) {
        DoubleColumn column = DoubleColumn.create(name);
        column.setPrintFormatter(new PrintedNumbers(pattern, missing));
        return column;
    }

    /** A whole-number column printed in plain digits whatever the default locale, a missing value as an empty cell. */
    public static IntColumn integers(String name) {
        IntColumn column = IntColumn.create(name);
        column.setPrintFormatter(new NumberColumnFormatter(plainDigits(), ""));
        return column;
    }

    /** {@link #integers} for counts past the int range (MACs, parameters). */
    public static LongColumn longs(String name) {
        LongColumn column = LongColumn.create(name);
        column.setPrintFormatter(new NumberColumnFormatter(plainDigits(), ""));
        return column;
    }

    /** A value to six significant digits ("NaN" for NaN), for a text column that holds numbers. */
    public static String number(double value) {
        return String.format(Locale.ROOT, PrintedNumbers.SIX_DIGITS, value);
    }

    /** A number cell, NaN when the table has no such column or the cell is empty. */
    public static double number(Table table, String column, int row) {
        return table.containsColumn(column) ? ((NumberColumn<?, ?>) table.column(column)).getDouble(row) : Double.NaN;
    }

    /** A text cell, "" when the table has no such column or the cell is empty. */
    public static String text(Table table, String column, int row) {
        return table.containsColumn(column) ? table.column(column).getString(row) : "";
    }

    private static DecimalFormat plainDigits() {
        return new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
