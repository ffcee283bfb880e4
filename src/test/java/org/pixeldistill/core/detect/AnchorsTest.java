package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {

    private static final float EPS = 1e-4f;

    @Test
    void oneSquareAnchorIsCentredOnTheCell() {
        // stride 8: centre (4, 4); side 32: half 16 -> (-12, -12, 20, 20)
        float[] a = new Anchors(new float[] {1f}, new float[] {1f}).generate(List.of(new AnchorLevel(8, 1, 1, 32f)));
        assertArrayEquals(new float[] {-12, -12, 20, 20}, a, EPS);
    }

    @Test
    void ratioIsHeightOverWidthAndKeepsTheArea() {
        // stride 16: centre (8, 8), side 32.
        // ratio 0.5: w = 32/sqrt(0.5) = 45.254834, h = 32*sqrt(0.5) = 22.627417 -> 8 -/+ 22.627417, 8 -/+ 11.313708
        // ratio 1:   32 x 32 -> 8 -/+ 16
        // ratio 2:   w = 22.627417, h = 45.254834
        float[] a = new Anchors(new float[] {1f}, new float[] {0.5f, 1f, 2f})
                .generate(List.of(new AnchorLevel(16, 1, 1, 32f)));
        assertArrayEquals(new float[] {
            -14.627417f, -3.3137085f, 30.627417f, 19.3137085f,
            -8f, -8f, 24f, 24f,
            -3.3137085f, -14.627417f, 19.3137085f, 30.627417f}, a, EPS);
        for (int i = 0; i < 3; i++) {
            assertEquals(1024f, Anchors.box(a, i).area(), 1e-2f);
        }
    }

    @Test
    void retinaNetAnchorsAreScaleMajor() {
        Anchors anchors = Anchors.retinaNet();
        assertEquals(9, anchors.perCell());
        float[] a = anchors.generate(List.of(new AnchorLevel(8, 1, 1, 32f)));
        assertEquals(36, a.length);
        // index 1 = scale 1, ratio 1: side 32 around (4, 4)
        assertArrayEquals(new float[] {-12, -12, 20, 20}, slice(a, 1), EPS);
        // index 4 = scale 2^(1/3), ratio 1: side 32 * 1.259921 = 40.317474, half 20.158737
        assertArrayEquals(new float[] {-16.158737f, -16.158737f, 24.158737f, 24.158737f}, slice(a, 4), EPS);
        // index 8 = scale 2^(2/3), ratio 2: side 50.796834, w = side/sqrt2 = 35.918786, h = side*sqrt2 = 71.837571
        assertArrayEquals(new float[] {-13.959393f, -31.918786f, 21.959393f, 39.918786f}, slice(a, 8), EPS);
    }

    @Test
    void orderIsLevelThenRowThenColumn() {
        Anchors one = new Anchors(new float[] {1f}, new float[] {1f});
        // level 0: stride 10, 2 rows x 3 columns, side 20; level 1: stride 20, 1 x 2, side 40
        float[] a = one.generate(List.of(new AnchorLevel(10, 2, 3, 20f), new AnchorLevel(20, 1, 2, 40f)));
        assertEquals(8 * 4, a.length);
        // n = 1: y 0, x 1 -> centre (15, 5) -> (5, -5, 25, 15)
        assertArrayEquals(new float[] {5, -5, 25, 15}, slice(a, 1), EPS);
        // n = 3: y 1, x 0 -> centre (5, 15)
        assertArrayEquals(new float[] {-5, 5, 15, 25}, slice(a, 3), EPS);
        // n = 5: y 1, x 2 -> centre (25, 15)
        assertArrayEquals(new float[] {15, 5, 35, 25}, slice(a, 5), EPS);
        // n = 7: level 1, x 1 -> centre (30, 10), half 20
        assertArrayEquals(new float[] {10, -10, 50, 30}, slice(a, 7), EPS);
    }

    /**
     * The contract with a detection head: output (A*K, H, W) per level, channel = a*K + k,
     * permuted to (H, W, A, K) and flattened gives row n = anchor n. The fake head writes into each
     * value the cell and anchor it belongs to; after flattening, row n must describe anchor n.
     */
    @Test
    void orderMatchesAFlattenedHeadOutput() {
        Anchors anchors = new Anchors(new float[] {1f, 2f}, new float[] {0.5f, 1f, 2f});
        int aCount = anchors.perCell();
        int k = 2;
        List<AnchorLevel> levels = List.of(new AnchorLevel(8, 3, 4, 32f), new AnchorLevel(16, 2, 2, 64f));
        float[] boxes = anchors.generate(levels);
        float[] cell0 = anchors.generate(List.of(new AnchorLevel(8, 1, 1, 32f)));
        float[] cell0Level1 = anchors.generate(List.of(new AnchorLevel(16, 1, 1, 64f)));
        int n = 0;
        for (AnchorLevel level : levels) {
            int h = level.gridHeight();
            int w = level.gridWidth();
            float[] chw = new float[aCount * k * h * w];
            for (int c = 0; c < aCount * k; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        chw[(c * h + y) * w + x] = ((y * 100 + x) * 100 + c / k) * 10 + c % k; // code of (y, x, a, k)
                    }
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int a = 0; a < aCount; a++, n++) {
                        for (int kk = 0; kk < k; kk++) {
                            float code = chw[((a * k + kk) * h + y) * w + x]; // (H, W, A, K) flattened
                            int cy = (int) code / 100000;
                            int cx = (int) code / 1000 % 100;
                            int ca = (int) code / 10 % 100;
                            float[] expected = shifted(slice(level.stride() == 8 ? cell0 : cell0Level1, ca),
                                    cx * level.stride(), cy * level.stride());
                            assertArrayEquals(expected, slice(boxes, n), EPS, "anchor " + n);
                        }
                    }
                }
            }
        }
        assertEquals(anchors.count(levels), n);
    }

    @Test
    void usualLevelsUseCeilGridAndFourStrides() {
        List<AnchorLevel> levels = Anchors.levelsFor(100, new int[] {8, 16, 32, 64, 128});
        assertEquals(List.of(new AnchorLevel(8, 13, 13, 32f), new AnchorLevel(16, 7, 7, 64f),
                new AnchorLevel(32, 4, 4, 128f), new AnchorLevel(64, 2, 2, 256f),
                new AnchorLevel(128, 1, 1, 512f)), levels);
        // cells 169 + 49 + 16 + 4 + 1 = 239, times 9 anchors
        assertEquals(2151, Anchors.retinaNet().count(levels));
        assertEquals(2151 * 4, Anchors.retinaNet().generate(levels).length);
        assertEquals(List.of(new AnchorLevel(16, 4, 7, 64f)), Anchors.levelsFor(60, 100, new int[] {16}));
    }

    /**
     * AFP: the assistant sees S, the student S/r. The student's levels (strides 8, 16, 32 at S/r)
     * scaled by r must be the assistant's usual levels at strides 8r, 16r, 32r at S, and every
     * student anchor times r the assistant's anchor at the same position.
     */
    @Test
    void afpScaledStudentAnchorsEqualAssistantAnchors() {
        Anchors anchors = Anchors.retinaNet();
        for (int size : new int[] {256, 200}) {
            for (int r : new int[] {2, 4}) {
                List<AnchorLevel> student = Anchors.levelsFor(size / r, new int[] {8, 16, 32});
                List<AnchorLevel> assistant = Anchors.levelsFor(size, new int[] {8 * r, 16 * r, 32 * r});
                assertEquals(assistant, Anchors.scaled(student, r), "levels, S " + size + " r " + r);
                float[] s = anchors.generate(student);
                float[] t = anchors.generate(assistant);
                assertEquals(anchors.count(student), anchors.count(assistant));
                assertEquals(s.length, t.length);
                for (int i = 0; i < s.length; i++) {
                    // r is a power of two, so scaling is exact in floating point
                    assertEquals(s[i] * r, t[i], 0f, "element " + i + ", S " + size + " r " + r);
                }
            }
        }
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AnchorLevel(3, 1, 1, 12f).scaled(0.5f));
        assertThrows(IllegalArgumentException.class, () -> new AnchorLevel(0, 1, 1, 12f));
        assertThrows(IllegalArgumentException.class, () -> new Anchors(new float[] {}, new float[] {1f}));
        assertThrows(IllegalArgumentException.class, () -> new Anchors(new float[] {1f}, new float[] {-1f}));
        assertEquals(new AnchorLevel(4, 2, 2, 8f), new AnchorLevel(8, 2, 2, 16f).scaled(0.5f));
    }

    static float[] slice(float[] a, int i) {
        return new float[] {a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3]};
    }

    private static float[] shifted(float[] b, float dx, float dy) {
        return new float[] {b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy};
    }
}
