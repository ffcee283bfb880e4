package org.pixeldistill.core.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configurations worth having: those no other one beats on both cost and accuracy. A point is
 * dominated when another has lower or equal cost AND higher or equal accuracy, and is strictly
 * better in at least one of the two. Two points with identical cost and accuracy do not dominate
 * each other, so both stay on the front.
 */
public final class ParetoFront {

    /** One configuration: an identifier (a run name, say), its cost and its accuracy. */
    public record Point(String id, double cost, double accuracy) {}

    /** Cost ascending, then accuracy descending, then id: a total order, so results never depend on input order. */
    static final Comparator<Point> ORDER = Comparator.comparingDouble(Point::cost)
            .thenComparing(Comparator.comparingDouble(Point::accuracy).reversed())
            .thenComparing(Point::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ParetoFront() {}

    /**
     * The non-dominated points sorted by {@link #ORDER} (cost ascending). Points whose cost or
     * accuracy is NaN (a run without a result yet) take no part. Quadratic, which is plenty for
     * the hundreds of runs a sweep makes.
     */
    public static List<Point> front(List<Point> points) {
        List<Point> valid = points.stream()
                .filter(p -> !Double.isNaN(p.cost()) && !Double.isNaN(p.accuracy()))
                .toList();
        List<Point> front = new ArrayList<>();
        for (Point p : valid) {
            if (valid.stream().noneMatch(q -> dominates(q, p))) {
                front.add(p);
            }
        }
        front.sort(ORDER);
        return front;
    }

    /** Whether {@code q} is at least as good as {@code p} in both and strictly better in one. */
    public static boolean dominates(Point q, Point p) {
        return q.cost() <= p.cost() && q.accuracy() >= p.accuracy()
                && (q.cost() < p.cost() || q.accuracy() > p.accuracy());
    }
}
