package org.pixeldistill.core.table;

import java.util.Locale;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Prints a number column's values as the project's CSV files always had them: six significant
 * digits in the root locale ({@code %.6g}, so 85 is "85.0000" and 1e-5 "1.00000e-05"), a missing
 * value (NaN) as the text the file uses for it.
 */
final class SignificantDigits extends NumberColumnFormatter {
    SignificantDigits(String missing) {
        super(missing);
    }

    /** The text of one value; NaN is not formatted here but is the file's missing text. */
    static String text(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    public String format(double value) {
        return Double.isNaN(value) ? getMissingString() : text(value);
    }
}
