package org.pixeldistill.core.run;

import java.util.List;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.DoubleColumn;

/**
 * Mean and sample standard deviation over seeds, as reported: Tablesaw's summaries of a column of
 * the seeds' values. Like every Tablesaw summary they leave a missing value (NaN) out.
 */
public final class Stats {
    private Stats() {}

    /** The mean; NaN for no values. */
    public static double mean(List<Double> values) {
        return summary(values, AggregateFunctions.mean);
    }

    /** Sample standard deviation (n - 1); 0 for a single value, NaN for none. */
    public static double std(List<Double> values) {
        return summary(values, AggregateFunctions.stdDev);
    }

    private static double summary(List<Double> values, NumericAggregateFunction function) {
        return function.summarize(DoubleColumn.create("value", values.stream().mapToDouble(Double::doubleValue)));
    }
}
