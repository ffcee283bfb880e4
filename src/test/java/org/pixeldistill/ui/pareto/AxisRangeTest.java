package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Padded, round axis ranges, by hand. */
class AxisRangeTest {
    @Test
    void paddedAndRoundedOutwardToRoundTicks() {
        // 60 - 90 padded by 10 % (3) is 57 - 93; a span of 36 in about 8 ticks: 4.5, nearest round spacing 5
        assertEquals(new AxisRange(55, 95, 5), AxisRange.fit(60, 90, 0.1, 1, 0, 100));
        assertEquals(2, AxisRange.niceTick(2.1), 1e-12);
        assertEquals(2.5, AxisRange.niceTick(2.3), 1e-12);
        assertEquals(0.05, AxisRange.niceTick(0.041), 1e-12);
        assertEquals(500, AxisRange.niceTick(501), 1e-9);
        assertEquals(1000, AxisRange.niceTick(720), 1e-9);
    }

    @Test
    void stopsAtTheLimitsOnlyWhenTheDataKeepsItsPadding() {
        // 2 - 40 padded by 3.8 would go to -5 (ticks of 5); 0 still leaves 2 below the data, over half the padding
        assertEquals(0, AxisRange.fit(2, 40, 0.1, 1, 0, 100).lower(), 1e-12);
        // 0.5 - 40: stopping at 0 would leave 0.5, under half the padding of 3.95, so the axis goes below 0
        assertEquals(-5, AxisRange.fit(0.5, 40, 0.1, 1, 0, 100).lower(), 1e-12);
        // 99.5 at the top: 100 would leave 0.5, under half the padding of 1.95: on to the tick past 100
        assertEquals(102.5, AxisRange.fit(80, 99.5, 0.1, 1, 0, 100).upper(), 1e-12);
        assertEquals(100, AxisRange.fit(50, 96, 0.1, 1, 0, 100).upper(), 1e-12);
    }

    @Test
    void aSingleValueIsPaddedByTheGivenAmount() {
        AxisRange r = AxisRange.fit(50, 50, 0.1, 2, 0, 100);
        assertEquals(new AxisRange(48, 52, 0.5), r);
    }
}
