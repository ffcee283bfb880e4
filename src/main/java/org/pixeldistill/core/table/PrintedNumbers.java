package org.pixeldistill.core.table;

import java.util.Locale;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Prints a number column's values with a {@link String#format} pattern in the root locale, as the
 * project's CSV files always had them (six significant digits, {@code %.6g}: 85 is "85.0000" and
 * 1e-5 "1.00000e-05"), and a missing value (NaN) as the text the file uses for it.
 */
final class PrintedNumbers extends NumberColumnFormatter {
    static final String SIX_DIGITS = "%.6g";

    private final String pattern;

    PrintedNumbers(String pattern, String missing) {
        super(missing);
        this.pattern = pattern;
    }

    @Override
    public String format(double value) {
        return Double.isNaN(value) ? getMissingString() : String.format(Locale.ROOT, pattern, value);
    }
}
