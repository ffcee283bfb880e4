package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

    private static final Nms HALF = new Nms(0.5f, 0f, 100);

    private static Detection det(float x0, float x1, int label, float score) {
        return new Detection(new Box(x0, 0, x1, 10), label, score);
    }

    @Test
    void overlappingBoxOfTheSameClassIsSuppressed() {
        Detection a = det(0, 10, 0, 0.9f);
        Detection b = det(1, 11, 0, 0.8f);   // IoU with a: 90/110 = 0.82 -> suppressed
        Detection c = det(20, 30, 0, 0.7f);  // no overlap -> kept
        assertEquals(List.of(a, c), HALF.apply(List.of(c, b, a)));
    }

    @Test
    void suppressedBoxesDoNotSuppressOthers() {
        Detection a = det(0, 10, 0, 0.9f);
        Detection b = det(3, 13, 0, 0.8f);   // IoU(a, b) = 70/130 = 0.54 -> suppressed by a
        Detection c = det(6, 16, 0, 0.7f);   // IoU(a, c) = 40/160 = 0.25; IoU(b, c) = 0.54 but b is gone
        assertEquals(List.of(a, c), HALF.apply(List.of(a, b, c)));
    }

    @Test
    void differentClassesNeverSuppressEachOther() {
        Detection person = det(0, 10, 0, 0.9f);
        Detection car = det(0, 10, 1, 0.8f);
        Detection secondPerson = det(0, 10, 0, 0.7f);
        assertEquals(List.of(person, car), HALF.apply(List.of(secondPerson, car, person)));
    }

    @Test
    void iouExactlyAtTheThresholdIsKept() {
        Detection a = new Detection(new Box(0, 0, 10, 10), 0, 0.9f);
        Detection b = new Detection(new Box(0, 0, 10, 5), 0, 0.8f); // IoU 50/100 = 0.5, not above 0.5
        assertEquals(List.of(a, b), HALF.apply(List.of(a, b)));
        assertEquals(List.of(a), new Nms(0.49f, 0f, 100).apply(List.of(a, b)));
    }

    @Test
    void scoreMustBeAboveTheScoreThreshold() {
        Detection low = det(0, 10, 0, 0.05f);
        Detection enough = det(20, 30, 0, 0.06f);
        Detection nan = det(40, 50, 0, Float.NaN);
        assertEquals(List.of(enough), Nms.retinaNet().apply(List.of(low, enough, nan)));
    }

    @Test
    void keepsAtMostMaxDetectionsByScoreOverAllClasses() {
        List<Detection> in = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            in.add(det(20 * i, 20 * i + 10, i % 2, 0.1f * (i + 1)));  // disjoint boxes, scores 0.1 .. 0.6
        }
        Collections.reverse(in);
        List<Detection> kept = new Nms(0.5f, 0f, 3).apply(in);
        assertEquals(List.of(in.get(0), in.get(1), in.get(2)), kept); // scores 0.6, 0.5, 0.4
        assertEquals(List.of(), new Nms(0.5f, 0f, 0).apply(in));
    }

    @Test
    void equalScoresKeepInputOrder() {
        Detection first = det(0, 10, 0, 0.5f);
        Detection second = det(0, 10, 0, 0.5f);  // identical: the earlier one wins
        Detection other = det(30, 40, 0, 0.5f);
        List<Detection> kept = HALF.apply(List.of(first, other, second));
        assertEquals(2, kept.size());
        assertSame(first, kept.get(0));
        assertSame(other, kept.get(1));
        assertSame(second, HALF.apply(List.of(second, first)).get(0));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Nms(1.5f, 0f, 10));
        assertThrows(IllegalArgumentException.class, () -> new Nms(0.5f, 0f, -1));
        assertThrows(IllegalArgumentException.class, () -> new Detection(new Box(0, 0, 1, 1), -1, 0.5f));
    }
}
