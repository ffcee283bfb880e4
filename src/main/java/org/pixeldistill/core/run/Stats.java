package org.pixeldistill.core.run;

import java.util.List;

/** Mean and sample standard deviation, as reported over seeds. */
public final class Stats {
    private Stats() {}

    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    public static double std(List<Double> values) {
        if (values.size() < 2) {
            return values.isEmpty() ? Double.NaN : 0.0;
        }
        double m = mean(values);
        double ss = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(ss / (values.size() - 1));
    }
}
