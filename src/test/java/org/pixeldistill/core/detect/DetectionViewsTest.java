package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.RawImage;

class DetectionViewsTest {
    /** (v - 0.5) / 0.25: object pixels (1) become 2, background (0.25) -1, letterbox padding (0) -2. */
    private static final Normalization NORM = new Normalization(new float[] {0.5f}, new float[] {0.25f});
    private static final Box OBJECT_A = new Box(2, 2, 10, 10);
    private static final Box OBJECT_B = new Box(14, 12, 20, 18);

    /**
     * A 40 x 20 grey image: background 0.25, two objects of value 1 whose left-right mirror images
     * fall on background only.
     */
    private static AnnotatedImage sample() {
        int w = 40;
        int h = 20;
        float[] p = new float[w * h];
        Arrays.fill(p, 0.25f);
        for (Box b : List.of(OBJECT_A, OBJECT_B)) {
            for (int y = (int) b.y0(); y < b.y1(); y++) {
                for (int x = (int) b.x0(); x < b.x1(); x++) {
                    p[y * w + x] = 1f;
                }
            }
        }
        return new AnnotatedImage(new RawImage(p, 1, h, w), List.of(OBJECT_A, OBJECT_B), new int[] {3, 7});
    }

    /** Mean of the view inside {@code box} shrunk by one pixel (so edge blending does not count). */
    private static float meanInside(float[] view, int size, Box box) {
        float sum = 0;
        int n = 0;
        for (int y = (int) box.y0() + 1; y < box.y1() - 1; y++) {
            for (int x = (int) box.x0() + 1; x < box.x1() - 1; x++) {
                sum += view[y * size + x];
                n++;
            }
        }
        return sum / n;
    }

    private static void assertBoxesClose(List<Box> expected, List<Box> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            Box e = expected.get(k);
            Box a = actual.get(k);
            assertArrayEquals(new float[] {e.x0(), e.y0(), e.x1(), e.y1()}, new float[] {a.x0(), a.y0(), a.x1(), a.y1()}, 1e-4f,
                    "box " + k);
        }
    }

    @Test
    void boxesScaleWithEachViewAndTheStudentsAreTheTeachersOverR() {
        DetectionViews dv = new DetectionViews(80, 20, Interpolation.AREA, NORM, false);
        DetectionViews.Views v = dv.test(sample());
        // The longer side (40) fills each view: factor 2 for the large view, 1/2 for the small one.
        assertBoxesClose(List.of(new Box(4, 4, 20, 20), new Box(28, 24, 40, 36)), v.largeBoxes());
        assertBoxesClose(List.of(new Box(1, 1, 5, 5), new Box(7, 6, 10, 9)), v.smallBoxes());
        int r = 80 / 20;
        assertBoxesClose(v.largeBoxes().stream().map(b -> b.scaled(1f / r)).toList(), v.smallBoxes());
        assertArrayEquals(new int[] {3, 7}, v.labels());
        assertFalse(v.flipped());
        assertEquals(80 * 80, v.large().length);
        assertEquals(20 * 20, v.small().length);
    }

    @Test
    void theBoxesFrameTheObjectsInBothViewsAndTheImageIsLetterboxed() {
        DetectionViews dv = new DetectionViews(80, 20, Interpolation.AREA, NORM, false);
        DetectionViews.Views v = dv.test(sample());
        for (Box b : v.largeBoxes()) {
            assertEquals(2f, meanInside(v.large(), 80, b), 1e-4f);
        }
        assertEquals(2f, meanInside(v.small(), 20, v.smallBoxes().get(0)), 1e-4f);
        assertEquals(-1f, v.large()[30 * 80 + 60], 1e-4f, "background keeps its value");
        assertEquals(-2f, v.large()[60 * 80 + 10], 1e-4f, "below the image: padding, not stretched picture");
        assertEquals(-2f, v.small()[15 * 20 + 10], 1e-4f);
    }

    @Test
    void aFlipMirrorsPixelsAndBoxesOfBothViewsTogether() {
        DetectionViews dv = new DetectionViews(80, 20, Interpolation.AREA, NORM, true);
        DetectionViews.Views plain = dv.views(sample(), false);
        DetectionViews.Views v = dv.views(sample(), true);
        assertTrue(v.flipped());
        assertBoxesClose(List.of(new Box(60, 4, 76, 20), new Box(40, 24, 52, 36)), v.largeBoxes());
        assertBoxesClose(v.largeBoxes().stream().map(b -> b.scaled(0.25f)).toList(), v.smallBoxes());
        for (int k = 0; k < 2; k++) {
            assertEquals(2f, meanInside(v.large(), 80, v.largeBoxes().get(k)), 1e-4f);
            assertEquals(-1f, meanInside(v.large(), 80, plain.largeBoxes().get(k)), 1e-4f, "nothing left where it was");
        }
        assertEquals(2f, meanInside(v.small(), 20, v.smallBoxes().get(0)), 1e-4f);
        assertEquals(-1f, meanInside(v.small(), 20, plain.smallBoxes().get(0)), 1e-4f);
    }

    @Test
    void trainingFlipsAboutHalfTheTimeOnlyWhenAllowed() {
        DetectionViews off = new DetectionViews(40, 20, Interpolation.BILINEAR, NORM, false);
        DetectionViews on = new DetectionViews(40, 20, Interpolation.BILINEAR, NORM, true);
        Random rng = new Random(1);
        int flips = 0;
        for (int i = 0; i < 40; i++) {
            assertFalse(off.train(sample(), rng).flipped());
            DetectionViews.Views v = on.train(sample(), rng);
            if (v.flipped()) {
                flips++;
                assertEquals(new Box(30, 2, 38, 10), v.largeBoxes().get(0));
            } else {
                assertEquals(OBJECT_A, v.largeBoxes().get(0));
            }
        }
        assertTrue(flips > 10 && flips < 30, flips + " flips in 40");
    }

    @Test
    void equalSizesShareOneArrayAndColourChannelsUseTheirOwnStatistics() {
        float[] p = new float[3 * 4 * 4];
        Arrays.fill(p, 0, 16, 0.2f);
        Arrays.fill(p, 16, 32, 0.4f);
        Arrays.fill(p, 32, 48, 0.6f);
        AnnotatedImage rgb = new AnnotatedImage(new RawImage(p, 3, 4, 4), List.of(new Box(1, 1, 3, 3)), new int[] {0});
        Normalization norm = new Normalization(new float[] {0.2f, 0.3f, 0.4f}, new float[] {0.1f, 0.1f, 0.5f});
        DetectionViews.Views v = new DetectionViews(8, 8, Interpolation.BILINEAR, norm, false).test(rgb);
        assertSame(v.large(), v.small());
        assertEquals(0f, v.small()[0], 1e-5f);
        assertEquals(1f, v.small()[64], 1e-5f);
        assertEquals(0.4f, v.small()[128], 1e-5f);
        assertEquals(List.of(new Box(2, 2, 6, 6)), v.smallBoxes());

        assertThrows(IllegalArgumentException.class,
                () -> new DetectionViews(8, 8, Interpolation.BILINEAR, new Normalization(new float[] {0.1f, 0.2f}, new float[] {1, 1}), false)
                        .test(rgb));
    }
}
