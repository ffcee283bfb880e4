package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.DataConfig;

class TwoViewSamplerTest {
    private static final float[] ZERO = {0f};
    private static final float[] ONE = {1f};

    private static DataConfig cfg(String crop, boolean flip, String interpolation, double testCrop) {
        return new DataConfig(null, null, null, null, null, null, null, crop, List.of(0.25, 1.0), 3, flip,
                interpolation, testCrop, null);
    }

    /** A smooth 28x28 grey picture, asymmetric left-right so a flip shows. */
    private static RawImage smooth() {
        return Fixtures.traceable(1, 28, Set.of()).image(0);
    }

    private static float[] mirror(float[] img, int size) {
        float[] out = new float[img.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                out[y * size + x] = img[y * size + size - 1 - x];
            }
        }
        return out;
    }

    private static double meanAbsDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    @Test
    void viewsHaveTheirSizesAndEqualSizesShareOneArray() {
        RawImage rgb = new RawImage(new float[3 * 20 * 30], 3, 20, 30);
        TwoViewSampler s = new TwoViewSampler(cfg("rrc", true, "bilinear", 1), 112, 28, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        TwoViewSampler.Views v = s.train(rgb, new Random(1));
        assertEquals(3 * 112 * 112, v.large().length);
        assertEquals(3 * 28 * 28, v.small().length);
        assertEquals(3 * 28 * 28, s.test(rgb).small().length);
        TwoViewSampler same = new TwoViewSampler(cfg("rrc", true, "bilinear", 1), 28, 28, ZERO, ONE);
        TwoViewSampler.Views w = same.train(smooth(), new Random(1));
        assertSame(w.large(), w.small());
    }

    @Test
    void bothViewsComeFromTheSameBox() {
        TwoViewSampler s = new TwoViewSampler(cfg("rrc", false, "area", 1), 112, 28, ZERO, ONE);
        RawImage img = smooth();
        for (int seed = 0; seed < 10; seed++) {
            TwoViewSampler.Views v = s.train(img, new Random(seed));
            float[] shrunk = Resizer.resize(new RawImage(v.large(), 1, 112, 112), new CropBox(0, 0, 112, 112), 28, Interpolation.AREA);
            double same = meanAbsDiff(shrunk, v.small());
            TwoViewSampler.Views other = s.train(img, new Random(seed + 1000));
            double different = meanAbsDiff(shrunk, other.small());
            assertTrue(same < 0.01, "seed " + seed + ": large view shrunk differs from small view by " + same);
            assertTrue(different > 3 * same, "seed " + seed + ": a view of another box should differ more (" + different + ")");
        }
    }

    @Test
    void flipMirrorsBothViewsTogether() {
        TwoViewSampler s = new TwoViewSampler(cfg("rrc", true, "bilinear", 1), 56, 14, ZERO, ONE);
        RawImage img = smooth();
        int flipped = 0;
        for (int seed = 0; seed < 20; seed++) {
            TwoViewSampler.Views v = s.train(img, new Random(seed));
            float[] small = Resizer.resize(img, v.box(), 14, Interpolation.BILINEAR);
            Interpolation largeMode = Math.max(v.box().w(), v.box().h()) > 1.5 * 56 ? Interpolation.AREA : Interpolation.BILINEAR;
            float[] large = Resizer.resize(img, v.box(), 56, largeMode);
            assertArrayEquals(v.flipped() ? mirror(small, 14) : small, v.small(), 1e-6f);
            assertArrayEquals(v.flipped() ? mirror(large, 56) : large, v.large(), 1e-6f);
            flipped += v.flipped() ? 1 : 0;
        }
        assertTrue(flipped > 2 && flipped < 18, "flips should be a coin toss, got " + flipped + "/20");
    }

    @Test
    void cropBoxesFollowTheCropMode() {
        RawImage img = smooth();
        TwoViewSampler rrc = new TwoViewSampler(cfg("rrc", false, "bilinear", 1), 28, 28, ZERO, ONE);
        TwoViewSampler pad = new TwoViewSampler(cfg("pad", false, "bilinear", 1), 28, 28, ZERO, ONE);
        TwoViewSampler none = new TwoViewSampler(cfg("none", false, "bilinear", 1), 28, 28, ZERO, ONE);
        boolean padMoved = false;
        for (int seed = 0; seed < 50; seed++) {
            CropBox b = rrc.trainBox(img, new Random(seed));
            assertTrue(b.x0() >= 0 && b.y0() >= 0 && b.x0() + b.w() <= 28 && b.y0() + b.h() <= 28, b.toString());
            double share = b.w() * b.h() / (28.0 * 28);
            assertTrue(share > 0.2 && share <= 1.0, "area share " + share);
            double ratio = b.w() / b.h();
            assertTrue(ratio > 0.65 && ratio < 1.55, "ratio " + ratio);

            CropBox p = pad.trainBox(img, new Random(seed));
            assertEquals(28, p.w());
            assertTrue(Math.abs(p.x0()) <= 3 && Math.abs(p.y0()) <= 3, p.toString());
            padMoved |= p.x0() != 0;
            assertEquals(CropBox.of(img), none.trainBox(img, new Random(seed)));
        }
        assertTrue(padMoved);
    }

    @Test
    void testViewsAreCentredDeterministicAndNormalised() {
        RawImage img = smooth();
        TwoViewSampler s = new TwoViewSampler(cfg("rrc", true, "bilinear", 0.875), 56, 28, new float[] {0.5f}, new float[] {0.25f});
        TwoViewSampler.Views a = s.test(img);
        TwoViewSampler.Views b = s.test(img);
        assertArrayEquals(a.large(), b.large());
        assertArrayEquals(a.small(), b.small());
        // 28 / 0.875 = 32: a 28-pixel centre crop of the image scaled to 32 is 24.5 source pixels.
        assertEquals(new CropBox(1.75f, 1.75f, 24.5f, 24.5f), a.box());
        float[] raw = Resizer.resize(img, a.box(), 28, Interpolation.BILINEAR);
        assertEquals((raw[100] - 0.5f) / 0.25f, a.small()[100], 1e-5f);
    }
}
