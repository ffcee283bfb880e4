package org.pixeldistill.ui.pareto;

/**
 * The bounds and tick spacing of one chart axis, fitted to the values drawn on it: padded so no
 * point sits on an edge, then widened to whole ticks so the labels are round numbers.
 */
public record AxisRange(double lower, double upper, double tickUnit) {
    /** Ticks aimed for across the axis (a round spacing near it gives six to twelve). */
    private static final int TICKS = 8;

    public double width() {
        return upper - lower;
    }

    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }

    /**
     * Fits {@code [min, max]} with {@code padFraction} of its span added at both ends ({@code
     * singlePad} when the span is 0), rounded outward to ticks. The lower bound stops at
     * {@code floor} and the upper at {@code ceiling} when that still leaves half the padding
     * between them and the data (an accuracy axis need not run below 0 or past 100 %); pass
     * infinities for no such limit.
     */
    public static AxisRange fit(double min, double max, double padFraction, double singlePad, double floor,
            double ceiling) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new AxisRange(0, 1, 0.2); // nothing to draw: any tidy range will do
        }
        double span = max - min;
        double pad = span > 0 ? span * padFraction : singlePad;
        double tick = niceTick((span + 2 * pad) / TICKS);
        double lower = Math.floor((min - pad) / tick + 1e-9) * tick;
        double upper = Math.ceil((max + pad) / tick - 1e-9) * tick;
        if (lower < floor && min - floor >= pad / 2) {
            lower = floor;
        }
        if (upper > ceiling && ceiling - max >= pad / 2) {
            upper = ceiling;
        }
        return new AxisRange(lower, upper, tick);
    }

    /** The round spacing (1, 2, 2.5 or 5 times a power of ten) nearest to {@code raw}, by ratio. */
    static double niceTick(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double best = power;
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (Math.abs(Math.log(step * power / raw)) < Math.abs(Math.log(best / raw))) {
                best = step * power;
            }
        }
        return best;
    }
}
