package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value is worked out in the comment above it. */
class ApEvaluatorTest {

    private static final double EPS = 1e-9;

    /** A 10 x 10 box whose left edge is at {@code x}; boxes 20 apart never overlap. */
    private static Box at(float x) {
        return new Box(x, 0, x + 10, 10);
    }

    private static Detection pred(float x, int label, float score) {
        return new Detection(at(x), label, score);
    }

    @Test
    void perfectPredictionsScoreOne() {
        ApEvaluator ev = new ApEvaluator(2);
        ev.add(List.of(pred(0, 0, 0.9f), pred(20, 1, 0.3f)), List.of(at(0), at(20)), new int[] {0, 1});
        ev.add(List.of(pred(40, 0, 0.6f)), List.of(at(40)), new int[] {0});
        ApEvaluatorResult r = ev.evaluate();
        assertArrayEquals(new double[] {1, 1}, r.ap50(), EPS);
        assertArrayEquals(new double[] {1, 1}, r.ap(), EPS);
        assertArrayEquals(new int[] {2, 1}, r.gtCounts());
        assertArrayEquals(new double[] {1, 1}, new double[] {r.map50(), r.map()}, EPS);
        assertEquals(2, ev.imageCount());
    }

    @Test
    void noPredictionsScoreZeroAndClassesWithoutGroundTruthAreNaN() {
        ApEvaluator ev = new ApEvaluator(2);
        ev.add(List.of(), List.of(at(0)), new int[] {0});
        ApEvaluatorResult r = ev.evaluate();
        assertEquals(0, r.ap50()[0], EPS);
        assertEquals(0, r.ap()[0], EPS);
        assertTrue(Double.isNaN(r.ap50()[1]) && Double.isNaN(r.ap()[1]));
        assertArrayEquals(new double[] {0, 0}, new double[] {r.map50(), r.map()}, EPS);
    }

    /**
     * Two objects, one found (ranked first), the other missed; a far-off false positive ranked
     * second changes nothing. Recall 0.5 at precision 1, never more.
     * VOC: area 0.5 * 1 = 0.5. COCO: recall levels 0.00 .. 0.50 (51 of 101) reach precision 1,
     * the other 50 are 0 -> 51/101 at every IoU threshold.
     */
    @Test
    void oneOfTwoMissed() {
        for (List<Detection> preds : List.of(List.of(pred(0, 0, 0.9f)),
                List.of(pred(0, 0, 0.9f), pred(60, 0, 0.2f)))) {
            ApEvaluator ev = new ApEvaluator(1);
            ev.add(preds, List.of(at(0), at(20)), new int[] {0, 0});
            ApEvaluatorResult r = ev.evaluate();
            assertArrayEquals(new double[] {0.5, 51.0 / 101}, new double[] {r.ap50()[0], r.ap()[0]}, EPS);
            assertArrayEquals(new double[] {0.5, 51.0 / 101}, new double[] {r.map50(), r.map()}, EPS);
        }
    }

    /**
     * Two objects; ranks: hit on A (0.9), duplicate on A (0.8, a false positive since A is taken),
     * hit on B (0.7). Precision 1, 1/2, 2/3; recall 0.5, 0.5, 1; envelope 1, 2/3, 2/3.
     * VOC: 0.5 * 1 + 0.5 * 2/3 = 5/6.
     * COCO: levels 0.00 .. 0.50 (51) -> 1, levels 0.51 .. 1.00 (50) -> 2/3:
     * (51 + 100/3) / 101 = 253/303.
     */
    @Test
    void duplicateDetectionRankedSecond() {
        ApEvaluator ev = new ApEvaluator(1);
        ev.add(List.of(pred(0, 0, 0.9f), pred(0, 0, 0.8f), pred(20, 0, 0.7f)), List.of(at(0), at(20)), new int[] {0, 0});
        ApEvaluatorResult r = ev.evaluate();
        assertEquals(5.0 / 6, r.ap50()[0], EPS);
        assertEquals(253.0 / 303, r.ap()[0], EPS);
    }

    /**
     * One object; a false positive (0.9) outranks the hit (0.8). Precision 0, 1/2; recall 0, 1;
     * envelope 1/2, 1/2. VOC: 1 * 1/2 = 0.5. COCO: level 0 is reached at rank 0 (recall 0 >= 0)
     * with envelope 1/2, all others at rank 1 with 1/2 -> 0.5.
     */
    @Test
    void falsePositiveRankedAboveTruePositive() {
        ApEvaluator ev = new ApEvaluator(1);
        ev.add(List.of(pred(40, 0, 0.9f), pred(0, 0, 0.8f)), List.of(at(0)), new int[] {0});
        ApEvaluatorResult r = ev.evaluate();
        assertEquals(0.5, r.ap50()[0], EPS);
        assertEquals(0.5, r.ap()[0], EPS);
    }

    /**
     * Class 0 perfect (1), class 1 a false positive above its hit (0.5, as above), class 2 only a
     * prediction and no object: NaN and left out. Means: (1 + 0.5) / 2 = 0.75.
     */
    @Test
    void twoClassesAveraged() {
        ApEvaluator ev = new ApEvaluator(3);
        ev.add(List.of(pred(0, 0, 0.5f), pred(60, 1, 0.9f), pred(20, 1, 0.8f), pred(80, 2, 0.7f)),
                List.of(at(0), at(20)), new int[] {0, 1});
        ApEvaluatorResult r = ev.evaluate();
        assertEquals(1, r.ap50()[0], EPS);
        assertEquals(0.5, r.ap50()[1], EPS);
        assertTrue(Double.isNaN(r.ap50()[2]) && Double.isNaN(r.ap()[2]));
        assertArrayEquals(new int[] {1, 1, 0}, r.gtCounts());
        assertArrayEquals(new double[] {0.75, 0.75}, new double[] {r.map50(), r.map()}, EPS);
        assertEquals(3, r.classes());
    }

    /**
     * A box covering 72 % of the object (IoU 0.72) is a hit at IoU 0.50 .. 0.70 (5 thresholds) and
     * a miss at 0.75 .. 0.95 (5): per threshold AP 1 or 0, AP[.5:.95] = 0.5, VOC AP50 = 1.
     */
    @Test
    void apAveragesOverIouThresholds() {
        ApEvaluator ev = new ApEvaluator(1);
        ev.add(List.of(new Detection(new Box(0, 0, 10, 7.2f), 0, 0.9f)), List.of(new Box(0, 0, 10, 10)), new int[] {0});
        ApEvaluatorResult r = ev.evaluate();
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, r.apPerThreshold()[0], EPS);
        assertEquals(1, r.ap50()[0], EPS);
        assertEquals(0.5, r.ap()[0], EPS);
        assertArrayEquals(new float[] {0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f},
                ApEvaluator.iouThresholds(), 0f);
    }

    /**
     * Objects A = (0..10) and B = (5..15). p1 = A exactly (0.9) takes A. p2 = (2.5..12.5) (0.8)
     * overlaps both by 75/125 = 0.6; A is taken, so it takes B. At IoU 0.50, 0.55, 0.60 both are
     * hits (AP 1); at 0.65 .. 0.95 p2 misses: 51/101 as in oneOfTwoMissed.
     * AP[.5:.95] = (3 * 1 + 7 * 51/101) / 10 = 66/101.
     */
    @Test
    void predictionTakesTheBestStillUnmatchedObject() {
        ApEvaluator ev = new ApEvaluator(1);
        ev.add(List.of(new Detection(at(0), 0, 0.9f), new Detection(at(2.5f), 0, 0.8f)),
                List.of(at(0), at(5)), new int[] {0, 0});
        ApEvaluatorResult r = ev.evaluate();
        assertEquals(1, r.ap50()[0], EPS);
        assertEquals(66.0 / 101, r.ap()[0], EPS);
    }

    @Test
    void predictionsOnlyMatchObjectsOfTheirOwnImageAndClass() {
        ApEvaluator ev = new ApEvaluator(2);
        ev.add(List.of(pred(0, 1, 0.9f)), List.of(at(0)), new int[] {0}); // right place, wrong class
        ev.add(List.of(pred(20, 0, 0.9f)), List.of(), new int[] {});      // right place, wrong image
        ev.add(List.of(), List.of(at(20)), new int[] {0});
        ApEvaluatorResult r = ev.evaluate();
        assertArrayEquals(new double[] {0, 0}, new double[] {r.ap50()[0], r.ap()[0]}, EPS);
        assertArrayEquals(new int[] {2, 0}, r.gtCounts());
    }

    /**
     * Equal scores rank in the order added. Hit then false positive: precision 1, 1/2 -> AP 1.
     * False positive then hit: precision 0, 1/2 -> AP 0.5.
     */
    @Test
    void equalScoresRankInInsertionOrder() {
        ApEvaluator hitFirst = new ApEvaluator(1);
        hitFirst.add(List.of(pred(0, 0, 0.5f)), List.of(at(0)), new int[] {0});
        hitFirst.add(List.of(pred(0, 0, 0.5f)), List.of(), new int[] {});
        assertEquals(1, hitFirst.evaluate().ap50()[0], EPS);
        ApEvaluator missFirst = new ApEvaluator(1);
        missFirst.add(List.of(pred(0, 0, 0.5f)), List.of(), new int[] {});
        missFirst.add(List.of(pred(0, 0, 0.5f)), List.of(at(0)), new int[] {0});
        assertEquals(0.5, missFirst.evaluate().ap50()[0], EPS);
    }

    /**
     * Hits T F T F F T with 4 objects. Precision 1, 1/2, 2/3, 1/2, 2/5, 1/2; envelope 1, 2/3,
     * 2/3, 1/2, 1/2, 1/2; recall .25 .25 .5 .5 .5 .75.
     * VOC: (1 + 2/3 + 1/2) / 4 = 13/24.
     * COCO: levels 0 .. .25 (26) -> 1; .26 .. .50 (25) -> 2/3; .51 .. .75 (25) -> 1/2;
     * .76 .. 1 (25) -> 0: (26 + 50/3 + 12.5) / 101 = 331/606.
     */
    @Test
    void curvesOnAHandMadeHitList() {
        boolean[] hits = {true, false, true, false, false, true};
        assertEquals(13.0 / 24, ApEvaluatorCurves.vocAllPoint(hits, 4), EPS);
        assertEquals(331.0 / 606, ApEvaluatorCurves.coco101(hits, 4), EPS);
        assertEquals(0, ApEvaluatorCurves.vocAllPoint(new boolean[0], 3), EPS);
        assertEquals(0, ApEvaluatorCurves.coco101(new boolean[0], 3), EPS);
        assertTrue(Double.isNaN(ApEvaluatorCurves.coco101(hits, 0)));
    }

    @Test
    void badInputIsRejected() {
        ApEvaluator ev = new ApEvaluator(2);
        assertThrows(IllegalArgumentException.class, () -> ev.add(List.of(), List.of(at(0)), new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> ev.add(List.of(pred(0, 5, 0.5f)), List.of(), new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> ev.add(List.of(), List.of(at(0)), new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> new ApEvaluator(0));
        assertTrue(Double.isNaN(new ApEvaluator(1).evaluate().map()));
    }
}
