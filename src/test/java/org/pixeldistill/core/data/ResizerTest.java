package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResizerTest {
    /** 4x4, one channel, pixel (y, x) = 4y + x. */
    private static final RawImage RAMP = ramp();

    private static RawImage ramp() {
        float[] p = new float[16];
        for (int i = 0; i < 16; i++) {
            p[i] = i;
        }
        return new RawImage(p, 1, 4, 4);
    }

    private static float[] resize(CropBox box, int out, Interpolation mode) {
        return Resizer.resize(RAMP, box, out, mode);
    }

    @Test
    void wholeImageToHalfSize() {
        CropBox all = CropBox.of(RAMP);
        // Centres of the output pixels fall on source coordinates 1 and 3: pixels 1 and 3.
        assertArrayEquals(new float[] {5, 7, 13, 15}, resize(all, 2, Interpolation.NEAREST));
        // Bilinear at the centre of each 2x2 block, and the area mean of that block, agree.
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, resize(all, 2, Interpolation.BILINEAR), 1e-6f);
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, resize(all, 2, Interpolation.AREA), 1e-6f);
    }

    @Test
    void threeByThreeBoxToTwoSeparatesTheModes() {
        CropBox box = new CropBox(0, 0, 3, 3);
        // Scale 1.5. Centres at 0.75 and 2.25.
        // nearest: pixels 0 and 2 per axis -> 4*{0,2} + {0,2}.
        assertArrayEquals(new float[] {0, 2, 8, 10}, resize(box, 2, Interpolation.NEAREST));
        // bilinear: 0.75 -> 0.75*p0 + 0.25*p1 = 0.25; 2.25 -> 0.25*p1 + 0.75*p2 = 1.75.
        assertArrayEquals(new float[] {1.25f, 2.75f, 7.25f, 8.75f}, resize(box, 2, Interpolation.BILINEAR), 1e-5f);
        // area: [0,1.5) -> (p0 + 0.5*p1)/1.5 = 1/3; [1.5,3) -> (0.5*p1 + p2)/1.5 = 5/3.
        float a = 1f / 3;
        float b = 5f / 3;
        assertArrayEquals(new float[] {4 * a + a, 4 * a + b, 4 * b + a, 4 * b + b}, resize(box, 2, Interpolation.AREA), 1e-5f);
    }

    @Test
    void outsideTheImageIsZero() {
        CropBox box = new CropBox(-2, -2, 4, 4);
        assertArrayEquals(new float[] {0, 0, 0, 2.5f}, resize(box, 2, Interpolation.AREA), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 2.5f}, resize(box, 2, Interpolation.BILINEAR), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 5}, resize(box, 2, Interpolation.NEAREST));
        assertArrayEquals(new float[4], resize(new CropBox(10, 0, 2, 2), 2, Interpolation.BICUBIC));
    }

    @Test
    void sameSizeWholeBoxIsTheIdentityForEveryMode() {
        for (Interpolation mode : Interpolation.values()) {
            assertArrayEquals(RAMP.pixels(), resize(CropBox.of(RAMP), 4, mode), 1e-5f, mode.name());
        }
    }

    @Test
    void constantImageStaysConstantUpAndDown() {
        float[] p = new float[3 * 5 * 7];
        Arrays.fill(p, 0.6f);
        RawImage flat = new RawImage(p, 3, 5, 7);
        CropBox[] boxes = {CropBox.of(flat), new CropBox(0.5f, 1.25f, 4.3f, 3.1f), new CropBox(2, 0, 1, 5)};
        for (Interpolation mode : Interpolation.values()) {
            for (CropBox box : boxes) {
                for (int out : new int[] {2, 3, 11}) {
                    for (float v : Resizer.resize(flat, box, out, mode)) {
                        assertEquals(0.6f, v, 1e-5f, mode + " " + box + " -> " + out);
                    }
                }
            }
        }
    }

    @Test
    void flipMirrorsTheColumnsAndHonoursTheOffset() {
        float[] dest = new float[6];
        Arrays.fill(dest, -1);
        Resizer.resize(RAMP, CropBox.of(RAMP), 2, Interpolation.NEAREST, true, dest, 2);
        assertArrayEquals(new float[] {-1, -1, 7, 5, 15, 13}, dest);
    }

    @Test
    void bicubicImpulseResponseMatchesTheKernel() {
        // Every row is an impulse at x = 3. Sampling half-way between pixels (t = 0.5) with
        // a = -0.75 weighs the nearer pixels 0.59375 and the farther ones -0.09375.
        float[] p = new float[8 * 8];
        for (int y = 0; y < 8; y++) {
            p[y * 8 + 3] = 1;
        }
        RawImage img = new RawImage(p, 1, 8, 8);
        float[] out = Resizer.resize(img, new CropBox(1.5f, 0, 4, 4), 4, Interpolation.BICUBIC);
        float[] expectedRow = {-0.09375f, 0.59375f, 0.59375f, -0.09375f};
        for (int yo = 0; yo < 4; yo++) {
            assertArrayEquals(expectedRow, Arrays.copyOfRange(out, yo * 4, yo * 4 + 4), 1e-6f, "row " + yo);
        }
    }
}
