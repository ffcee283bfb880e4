package org.pixeldistill.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.cost.ParetoFront.Point;

class ParetoFrontTest {

    private static List<String> ids(List<Point> points) {
        return points.stream().map(Point::id).toList();
    }

    /*
     *  id   cost  accuracy   on the front?
     *  a    1.0   0.60       yes: cheapest
     *  b    2.0   0.60       no: a costs less for the same accuracy
     *  c    2.0   0.75       yes
     *  d    2.0   0.75       yes: identical to c, neither dominates the other
     *  e    3.0   0.70       no: c is cheaper and better
     *  f    4.0   0.90       yes
     *  g    4.0   0.85       no: f costs the same and is better
     *  h    5.0   0.90       no: f is cheaper for the same accuracy
     *  i    0.5   NaN        ignored (no result yet)
     */
    private static final List<Point> TABLE = List.of(
            new Point("a", 1.0, 0.60), new Point("b", 2.0, 0.60), new Point("c", 2.0, 0.75),
            new Point("d", 2.0, 0.75), new Point("e", 3.0, 0.70), new Point("f", 4.0, 0.90),
            new Point("g", 4.0, 0.85), new Point("h", 5.0, 0.90), new Point("i", 0.5, Double.NaN));

    @Test
    void handMadeTable() {
        assertEquals(List.of("a", "c", "d", "f"), ids(ParetoFront.front(TABLE)));
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Point> shuffled = new ArrayList<>(TABLE);
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(shuffled, random);
            assertEquals(List.of("a", "c", "d", "f"), ids(ParetoFront.front(shuffled)));
        }
    }

    @Test
    void dominationNeedsStrictlyBetterInOne() {
        Point p = new Point("p", 2, 0.5);
        assertFalse(ParetoFront.dominates(new Point("q", 2, 0.5), p));
        assertTrue(ParetoFront.dominates(new Point("q", 2, 0.6), p));
        assertTrue(ParetoFront.dominates(new Point("q", 1, 0.5), p));
        assertFalse(ParetoFront.dominates(new Point("q", 1, 0.4), p));
    }

    @Test
    void emptyAndSingle() {
        assertEquals(List.of(), ParetoFront.front(List.of()));
        assertEquals(List.of("x"), ids(ParetoFront.front(List.of(new Point("x", 3, 0.1)))));
    }
}
