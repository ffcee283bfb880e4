package org.pixeldistill.ui.pareto;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Predicts the accuracy of an untrained input size from finished runs of the same backbone and
 * method at other sizes: linear between the two nearest sizes around it, linear through the two
 * nearest at either end outside the measured range (flagged as extrapolated, held within 0-100 %).
 * Runs at the same size are averaged first.
 */
public final class SizeInterpolation {
    /** One finished run: its input size and its accuracy (percent). */
    public record Sample(double size, double accuracy) {}

    /**
     * @param runs how many runs the prediction rests on
     * @param lowSize the smallest measured size
     * @param highSize the largest measured size
     */
    public record Prediction(double accuracy, boolean extrapolated, int runs, double lowSize, double highSize) {}

    private SizeInterpolation() {}

    /** Empty when there is nothing to predict from: no run, or runs at one other size only. */
    public static Optional<Prediction> predict(List<Sample> samples, double size) {
        TreeMap<Double, double[]> bySize = new TreeMap<>(); // size -> accuracy sum, count
        for (Sample s : samples) {
            if (Double.isNaN(s.accuracy()) || Double.isNaN(s.size())) continue;
            double[] acc = bySize.computeIfAbsent(s.size(), k -> new double[2]);
            acc[0] += s.accuracy();
            acc[1]++;
        }
        if (bySize.isEmpty()) {
            return Optional.empty();
        }
        int runs = (int) bySize.values().stream().mapToDouble(a -> a[1]).sum();
        double low = bySize.firstKey();
        double high = bySize.lastKey();
        if (bySize.containsKey(size)) {
            return Optional.of(new Prediction(mean(bySize.get(size)), false, runs, low, high));
        }
        if (bySize.size() < 2) {
            return Optional.empty();
        }
        Map.Entry<Double, double[]> below = bySize.lowerEntry(size);
        Map.Entry<Double, double[]> above = bySize.higherEntry(size);
        boolean outside = below == null || above == null;
        if (below == null) {
            below = bySize.firstEntry();
            above = bySize.higherEntry(below.getKey());
        } else if (above == null) {
            above = bySize.lastEntry();
            below = bySize.lowerEntry(above.getKey());
        }
        double x0 = below.getKey();
        double x1 = above.getKey();
        double y0 = mean(below.getValue());
        double y1 = mean(above.getValue());
        double y = y0 + (y1 - y0) * (size - x0) / (x1 - x0);
        return Optional.of(new Prediction(Math.max(0, Math.min(100, y)), outside, runs, low, high));
    }

    private static double mean(double[] sumCount) {
        return sumCount[0] / sumCount[1];
    }
}
