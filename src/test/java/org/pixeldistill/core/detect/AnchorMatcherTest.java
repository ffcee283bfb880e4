package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.core.detect.AnchorMatcher.BACKGROUND;
import static org.pixeldistill.core.detect.AnchorMatcher.IGNORE;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorMatcherTest {

    private static float[] flat(Box... boxes) {
        float[] a = new float[boxes.length * 4];
        for (int i = 0; i < boxes.length; i++) {
            a[4 * i] = boxes[i].x0();
            a[4 * i + 1] = boxes[i].y0();
            a[4 * i + 2] = boxes[i].x1();
            a[4 * i + 3] = boxes[i].y1();
        }
        return a;
    }

    @Test
    void thresholdsSplitPositiveIgnoreAndBackground() {
        // Every anchor shares the gt's top, left and right edges: IoU = anchor height / 10.
        float[] anchors = flat(
                new Box(0, 0, 10, 10),    // 1.0  -> gt 0
                new Box(0, 0, 10, 6),     // 0.6  -> gt 0
                new Box(0, 0, 10, 5),     // 0.5  -> gt 0 (fgIou is inclusive)
                new Box(0, 0, 10, 4.5f),  // 0.45 -> ignore
                new Box(0, 0, 10, 4),     // 0.4  -> ignore (only below 0.4 is background)
                new Box(0, 0, 10, 3),     // 0.3  -> background
                new Box(20, 20, 30, 30)); // 0    -> background
        int[] labels = AnchorMatcher.retinaNet().match(anchors, List.of(new Box(0, 0, 10, 10)));
        assertArrayEquals(new int[] {0, 0, 0, IGNORE, IGNORE, BACKGROUND, BACKGROUND}, labels);
    }

    @Test
    void anchorGoesToTheBoxItOverlapsMostLowerIndexOnATie() {
        List<Box> gts = List.of(new Box(0, 0, 10, 10), new Box(5, 0, 15, 10));
        float[] anchors = flat(
                new Box(0, 0, 10, 10),      // gt 0: 1.0; gt 1: 50/150
                new Box(4, 0, 14, 10),      // gt 0: 60/140 = 0.43; gt 1: 90/110 = 0.82 -> gt 1
                new Box(2.5f, 0, 12.5f, 10)); // both 75/125 = 0.6 -> gt 0
        assertArrayEquals(new int[] {0, 1, 0}, AnchorMatcher.retinaNet().match(anchors, gts));
    }

    @Test
    void lowQualityMatchesGiveEachBoxItsBestAnchorsTiesIncluded() {
        // gt 0 overlaps nothing; gt 1 is best covered by two identical anchors at IoU 30/100 = 0.3.
        List<Box> gts = List.of(new Box(200, 200, 210, 210), new Box(100, 100, 110, 110));
        float[] anchors = flat(
                new Box(100, 100, 110, 103), // 0.3 (best of gt 1)
                new Box(100, 100, 110, 103), // 0.3 (tie)
                new Box(100, 100, 110, 102), // 0.2
                new Box(0, 0, 10, 10));      // 0
        assertArrayEquals(new int[] {1, 1, BACKGROUND, BACKGROUND}, AnchorMatcher.retinaNet().match(anchors, gts));
        assertArrayEquals(new int[] {BACKGROUND, BACKGROUND, BACKGROUND, BACKGROUND},
                new AnchorMatcher(0.5f, 0.4f, false).match(anchors, gts));
    }

    @Test
    void lowQualityMatchBelongsToTheBoxItIsBestFor() {
        // X = (0,0,10,10), Y = (0,-3,10,1).
        // Q = (0,0,10,10):  X 1.0;            Y 10/130 = 0.077
        // P = (0,-1,10,9):  X 90/110 = 0.82;  Y 20/120 = 0.167, Y's best anchor
        // P's own best box is X, but X already has Q; P is Y's only chance, so it goes to Y.
        List<Box> gts = List.of(new Box(0, 0, 10, 10), new Box(0, -3, 10, 1));
        float[] anchors = flat(new Box(0, 0, 10, 10), new Box(0, -1, 10, 9));
        assertArrayEquals(new int[] {0, 1}, AnchorMatcher.retinaNet().match(anchors, gts));
        assertArrayEquals(new int[] {0, 0}, new AnchorMatcher(0.5f, 0.4f, false).match(anchors, gts));
    }

    @Test
    void sharedBestAnchorGoesToTheBoxWithHigherIou() {
        // One anchor P = (0,0,10,5) is the best (only) anchor of both boxes:
        // A = (0,0,10,10): 50/100 = 0.5; B = (0,0,10,3): 30/50 = 0.6 -> B
        float[] anchors = flat(new Box(0, 0, 10, 5));
        assertArrayEquals(new int[] {1},
                AnchorMatcher.retinaNet().match(anchors, List.of(new Box(0, 0, 10, 10), new Box(0, 0, 10, 3))));
    }

    @Test
    void noBoxesMeansAllBackground() {
        float[] anchors = Anchors.retinaNet().generate(Anchors.levelsFor(32, new int[] {16}));
        int[] labels = AnchorMatcher.retinaNet().match(anchors, List.of());
        assertEquals(4 * 9, labels.length);
        for (int l : labels) {
            assertEquals(BACKGROUND, l);
        }
    }

    @Test
    void tinyBoxStillGetsAnAnchorOnARealGrid() {
        float[] anchors = Anchors.retinaNet().generate(Anchors.levelsFor(64, new int[] {8, 16}));
        Box tiny = new Box(30, 30, 34, 34); // 16 px^2 inside anchors of area >= 1024: IoU <= 16/1024
        int[] labels = AnchorMatcher.retinaNet().match(anchors, List.of(tiny));
        float best = 0;
        for (int i = 0; i < labels.length; i++) {
            best = Math.max(best, Anchors.box(anchors, i).iou(tiny));
        }
        assertTrue(best > 0 && best < 0.4f, "best IoU " + best);
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                positives++;
                assertEquals(best, Anchors.box(anchors, i).iou(tiny), 0f);
            } else {
                assertEquals(BACKGROUND, labels[i]);
            }
        }
        assertTrue(positives >= 1);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AnchorMatcher(0.4f, 0.5f, true));
        assertThrows(IllegalArgumentException.class,
                () -> AnchorMatcher.retinaNet().match(new float[5], List.of(new Box(0, 0, 1, 1))));
    }
}
