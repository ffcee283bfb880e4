package org.pixeldistill.ui.setup;

import java.math.BigDecimal;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * The values of a setup spinner. Its arrows step within a range, as JavaFX's own factories do,
 * but a typed value is taken as typed, never snapped to that range: whether a typed value is
 * allowed is the core's call ({@link FieldChecks}, wired in by {@link SetupValidation}), not the
 * arrows'. An arrow pressed on a typed value outside the range steps from it without jumping into
 * the range.
 */
final class TypedSpinnerValues {
    private TypedSpinnerValues() {}

    static SpinnerValueFactory<Integer> integers(int min, int max, int step, int initial) {
        return new Ints(min, max, step, initial);
    }

    static SpinnerValueFactory<Double> doubles(double min, double max, double step, double initial) {
        return new Doubles(min, max, step, initial);
    }

    /** {@code next}, kept within the range widened to include {@code now}. */
    private static double within(double next, double now, double min, double max) {
        return Math.max(Math.min(min, now), Math.min(Math.max(max, now), next));
    }

    private static final class Ints extends SpinnerValueFactory<Integer> {
        private final int min;
        private final int max;
        private final int step;

        Ints(int min, int max, int step, int initial) {
            this.min = min;
            this.max = max;
            this.step = step;
            setConverter(new StringConverter<>() {
                @Override
                public String toString(Integer v) {
                    return v == null ? "" : v.toString();
                }

                @Override
                public Integer fromString(String text) {
                    // "2.0" or "2.4" typed into a whole-number field is the number the core's check judged (rounded)
                    double v = Double.parseDouble(text.trim());
                    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v)));
                }
            });
            setValue(initial);
        }

        @Override
        public void decrement(int steps) {
            increment(-steps);
        }

        @Override
        public void increment(int steps) {
            int now = getValue() == null ? min : getValue();
            setValue((int) within((double) now + (double) steps * step, now, min, max));
        }
    }

    private static final class Doubles extends SpinnerValueFactory<Double> {
        private final double min;
        private final double max;
        private final BigDecimal step;

        Doubles(double min, double max, double step, double initial) {
            this.min = min;
            this.max = max;
            this.step = BigDecimal.valueOf(step);
            setConverter(new StringConverter<>() {
                @Override
                public String toString(Double v) {
                    // as typed: 0.005 must not read 0.01 (the JavaFX factory shows two decimals)
                    return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
                }

                @Override
                public Double fromString(String text) {
                    return Double.parseDouble(text.trim());
                }
            });
            setValue(initial);
        }

        @Override
        public void decrement(int steps) {
            increment(-steps);
        }

        @Override
        public void increment(int steps) {
            double now = getValue() == null ? min : getValue();
            // in decimal, so that 0.9 + 0.05 is 0.95, not 0.9500000000000001
            double next = BigDecimal.valueOf(now).add(step.multiply(BigDecimal.valueOf(steps))).doubleValue();
            setValue(within(next, now, min, max));
        }
    }
}
