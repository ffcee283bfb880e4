package org.pixeldistill.ui.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the Pareto chart draws, placed: the points (moved apart where costs coincide), the
 * front through them, the what-if point, the budget line, and both axes fitted to all of it with
 * padding, so that no marker or error bar touches an edge and the accuracy axis spans the data
 * (60-90 %, say) rather than 0-100.
 *
 * @param whatIf null when there is none to draw
 * @param whatIfX where the what-if diamond is drawn (NaN without one)
 * @param budgetX the budget line on the cost axis (NaN without one); drawn only when {@code x} contains it
 * @param capHalfWidth half the width of an error bar's caps, in x units
 */
public record ChartLayout(List<ParetoPoint> points, List<ParetoPoint> front, WhatIfPoint whatIf, double whatIfX,
        AxisRange x, AxisRange y, double budgetX, double capHalfWidth) {
    /** Padding of the cost axis on each side, as a share of the data's span. */
    static final double X_PAD = 0.06;
    /** Padding of the accuracy axis on each side, as a share of the data's span (error bars included). */
    static final double Y_PAD = 0.08;
    /** Padding of the accuracy axis around a single value, in points. */
    static final double Y_SINGLE_PAD = 2;
    private static final String WHAT_IF_KEY = "\uffffwhat-if"; // sorts after every method: the diamond goes right

    public ChartLayout {
        points = List.copyOf(points);
        front = List.copyOf(front);
    }

    /** Whether the budget line is drawn: there is one, and it lies on the cost axis. */
    public boolean budgetOnChart() {
        return Double.isFinite(budgetX) && x.contains(budgetX);
    }

    /**
     * @param whatIf drawn when {@link WhatIfPoint#drawable}
     * @param budgetX NaN for no budget line; it widens the cost axis when that at most triples it
     * @param costsPositive the axis shows costs (never below 0) rather than their logarithms
     */
    public static ChartLayout of(List<ParetoPoint> points, WhatIfPoint whatIf, double budgetX, boolean costsPositive) {
        return of(points, whatIf, budgetX, costsPositive, Double.NaN);
    }

    /** @param axisPixels the cost axis's length on screen, NaN when not known ({@link EqualCostOffsets#place}) */
    public static ChartLayout of(List<ParetoPoint> points, WhatIfPoint whatIf, double budgetX, boolean costsPositive,
            double axisPixels) {
        WhatIfPoint w = whatIf != null && whatIf.drawable() ? whatIf : null;
        List<EqualCostOffsets.Item> items = new ArrayList<>();
        for (ParetoPoint p : points) {
            items.add(new EqualCostOffsets.Item(p.x(), p.method()));
        }
        if (w != null) {
            items.add(new EqualCostOffsets.Item(w.x(), WHAT_IF_KEY));
        }
        double floor = costsPositive ? 0 : Double.NEGATIVE_INFINITY;
        AxisRange first = xRange(items.stream().mapToDouble(EqualCostOffsets.Item::x).toArray(), floor);
        double[] drawn = EqualCostOffsets.place(items, first.width(), axisPixels);
        List<Double> xs = new ArrayList<>();
        for (double d : drawn) xs.add(d);
        if (Double.isFinite(budgetX) && budgetX >= first.lower() - first.width()
                && budgetX <= first.upper() + first.width()) {
            xs.add(budgetX);
        }
        AxisRange x = xRange(xs.stream().mapToDouble(Double::doubleValue).toArray(), floor);

        List<ParetoPoint> placed = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            ParetoPoint p = points.get(i).drawnAt(drawn[i]);
            placed.add(p);
            low = Math.min(low, p.accuracy() - p.std());
            high = Math.max(high, p.accuracy() + p.std());
        }
        if (w != null) {
            low = Math.min(low, w.prediction().accuracy());
            high = Math.max(high, w.prediction().accuracy());
        }
        AxisRange y = AxisRange.fit(low, high, Y_PAD, Y_SINGLE_PAD, 0, 100);
        List<ParetoPoint> front = placed.stream().filter(ParetoPoint::onFront)
                .sorted(Comparator.comparingDouble(ParetoPoint::drawnX)).toList();
        return new ChartLayout(placed, front, w, w == null ? Double.NaN : drawn[drawn.length - 1], x, y, budgetX,
                0.006 * x.width());
    }

    private static AxisRange xRange(double[] xs, double floor) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : xs) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double single = Double.isFinite(min) && min != 0 ? Math.abs(min) * 0.1 : 1;
        return AxisRange.fit(min, max, X_PAD, single, floor, Double.POSITIVE_INFINITY);
    }
}
