package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxCoderTest {

    // anchor: centre (5, 10), 10 x 20; gt: centre (12, 14), 20 x 20
    private static final Box ANCHOR = new Box(0, 0, 10, 20);
    private static final Box GT = new Box(2, 4, 22, 24);

    @Test
    void encodesByHand() {
        // dx = (12 - 5) / 10 = 0.7, dy = (14 - 10) / 20 = 0.2, dw = ln(20/10) = 0.693147, dh = ln(20/20) = 0
        assertArrayEquals(new float[] {0.7f, 0.2f, 0.6931472f, 0f}, BoxCoder.unitWeights().encode(ANCHOR, GT), 1e-6f);
        // weights (10, 10, 5, 5): 7, 2, 5 ln 2 = 3.465736, 0
        assertArrayEquals(new float[] {7f, 2f, 3.465736f, 0f}, new BoxCoder(10, 10, 5, 5).encode(ANCHOR, GT), 1e-5f);
    }

    @Test
    void decodesByHand() {
        assertBox(GT, BoxCoder.unitWeights().decode(ANCHOR, 0.7f, 0.2f, 0.6931472f, 0f), 1e-5f);
        assertBox(GT, new BoxCoder(10, 10, 5, 5).decode(ANCHOR, 7f, 2f, 3.465736f, 0f), 1e-5f);
        // zero offsets give the anchor back
        assertBox(ANCHOR, BoxCoder.unitWeights().decode(ANCHOR, 0, 0, 0, 0), 0f);
    }

    @Test
    void decodeClampsTheLogScaleAtLog1000Over16() {
        // dw = 100 is clamped to ln(62.5): width 10 * 62.5 = 625 around x = 5 -> -307.5 .. 317.5
        Box wide = BoxCoder.unitWeights().decode(ANCHOR, 0, 0, 100f, 0);
        assertBox(new Box(-307.5f, 0, 317.5f, 20), wide, 1e-3f);
        // with ww = 5 the clamp applies to dw / 5: 100 / 5 = 20 is still clamped to the same box
        assertBox(wide, new BoxCoder(1, 1, 5, 1).decode(ANCHOR, 0, 0, 100f, 0), 1e-3f);
        // just under the clamp nothing changes: dh = ln(62.5) - ln 2 -> height 20 * 31.25 = 625
        float dh = (float) (BoxCoder.MAX_LOG_SCALE - Math.log(2));
        assertEquals(625f, BoxCoder.unitWeights().decode(ANCHOR, 0, 0, 0, dh).height(), 1e-3f);
        // a very negative scale gives a tiny, finite box
        assertEquals(5f, BoxCoder.unitWeights().decode(ANCHOR, 0, 0, -100f, 0).centerX(), 1e-6f);
    }

    @Test
    void roundTripsRandomBoxes() {
        Random random = new Random(11);
        BoxCoder[] coders = {BoxCoder.unitWeights(), new BoxCoder(10, 10, 5, 5)};
        for (int i = 0; i < 200; i++) {
            Box anchor = randomBox(random);
            Box gt = randomBox(random);
            for (BoxCoder coder : coders) {
                float[] d = coder.encode(anchor, gt);
                assertBox(gt, coder.decode(anchor, d[0], d[1], d[2], d[3]), 1e-3f);
            }
        }
    }

    @Test
    void arrayFormsMatchTheSingleBoxForms() {
        BoxCoder coder = new BoxCoder(10, 10, 5, 5);
        float[] anchors = {0, 0, 10, 20, 5, 5, 9, 7};
        float[] deltas = new float[8];
        coder.encodeInto(ANCHOR, GT, deltas, 0);
        coder.encodeInto(new Box(5, 5, 9, 7), new Box(6, 5, 8, 9), deltas, 4);
        float[] boxes = coder.decodeAll(anchors, deltas);
        assertArrayEquals(new float[] {2, 4, 22, 24, 6, 5, 8, 9}, boxes, 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> coder.decodeAll(anchors, new float[4]));
    }

    @Test
    void degenerateBoxesCannotBeEncoded() {
        assertThrows(IllegalArgumentException.class, () -> BoxCoder.unitWeights().encode(ANCHOR, new Box(1, 1, 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> new BoxCoder(0, 1, 1, 1));
    }

    /** Sides 10 to 300, so no size ratio reaches the decode clamp of 62.5. */
    private static Box randomBox(Random random) {
        float x = random.nextFloat() * 200 - 50;
        float y = random.nextFloat() * 200 - 50;
        return new Box(x, y, x + 10 + random.nextFloat() * 290, y + 10 + random.nextFloat() * 290);
    }

    private static void assertBox(Box expected, Box actual, float eps) {
        assertArrayEquals(new float[] {expected.x0(), expected.y0(), expected.x1(), expected.y1()},
                new float[] {actual.x0(), actual.y0(), actual.x1(), actual.y1()}, eps, actual.toString());
    }
}
