package org.pixeldistill.ui.common;

import java.util.List;
import java.util.Locale;

/** The workbench's CSV exports' cells: RFC 4180 quoting, numbers in the root locale, empty for "no value". */
public final class CsvText {
    private CsvText() {}

    /** A cell as written: quoted when it holds a comma, quote or line break. */
    public static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** One line of cells, each quoted as needed, ending in a newline. */
    public static String line(List<String> cells) {
        return String.join(",", cells.stream().map(CsvText::quote).toList()) + '\n';
    }

    /** Six significant digits; NaN is an empty cell. */
    public static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
