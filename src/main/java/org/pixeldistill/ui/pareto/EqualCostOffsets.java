package org.pixeldistill.ui.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads points that would be drawn on top of each other: methods compared at one input size
 * have the same cost, so their markers (and error bars) would coincide. Points closer in cost
 * than {@link #TOUCHING} of the axis are one cluster; a cluster's members are set side by side,
 * {@link #STEP} of the axis apart, centred on their mean cost, in order of cost and then key
 * (the method, so each method keeps its side). A point alone keeps its exact place.
 */
public final class EqualCostOffsets {
    /** Closer than this share of the axis, markers overlap (a 12-pixel marker on a 600-pixel axis is 2 %). */
    static final double TOUCHING = 0.02;
    /** Spacing of a cluster's members, as a share of the axis: clear of each other, still read as one cost. */
    static final double STEP = 0.025;
    /**
     * On a narrow chart the shares above shrink below a marker: at least this many pixels apart
     * (a 12-pixel marker beside a 20-pixel front ring needs 16) and this close counts as touching.
     */
    static final double STEP_PIXELS = 16;
    static final double TOUCHING_PIXELS = 14;

    /** A point to place: where its cost is drawn and what orders it within a cluster. */
    public record Item(double x, String key) {}

    private EqualCostOffsets() {}

    /** As {@link #place(List, double, double)} without knowing the axis's length in pixels. */
    public static double[] place(List<Item> items, double axisWidth) {
        return place(items, axisWidth, Double.NaN);
    }

    /**
     * The drawn x of each item, in the items' order.
     *
     * @param axisWidth the width of the x axis, in its units
     * @param axisPixels its length on screen; NaN when not known (then the shares alone count)
     */
    public static double[] place(List<Item> items, double axisWidth, double axisPixels) {
        double touching = TOUCHING;
        double step = STEP;
        if (axisPixels > 0) {
            touching = Math.max(touching, TOUCHING_PIXELS / axisPixels);
            step = Math.max(step, STEP_PIXELS / axisPixels);
        }
        double[] drawn = items.stream().mapToDouble(Item::x).toArray();
        if (!(axisWidth > 0)) {
            return drawn;
        }
        List<Integer> order = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> items.get(i).x())
                        .thenComparing(i -> items.get(i).key()).thenComparing(i -> i))
                .toList();
        List<Integer> cluster = new ArrayList<>();
        for (int i : order) {
            if (!cluster.isEmpty() && items.get(i).x() - items.get(cluster.get(cluster.size() - 1)).x()
                    > touching * axisWidth) {
                spread(cluster, items, drawn, step * axisWidth);
                cluster.clear();
            }
            cluster.add(i);
        }
        spread(cluster, items, drawn, step * axisWidth);
        return drawn;
    }

    private static void spread(List<Integer> cluster, List<Item> items, double[] drawn, double spacing) {
        if (cluster.size() < 2) {
            return;
        }
        double centre = cluster.stream().mapToDouble(i -> items.get(i).x()).average().orElseThrow();
        for (int j = 0; j < cluster.size(); j++) {
            drawn[cluster.get(j)] = centre + (j - (cluster.size() - 1) / 2.0) * spacing;
        }
    }
}
