package org.pixeldistill.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.DataConfig;

/** A view drawn once and rebuilt later from its recorded box and flip is the same, pixel for pixel. */
class TwoViewRebuildTest {
    private static DataConfig cfg(String crop, String interpolation) {
        return new DataConfig(null, null, null, null, null, null, null, crop, List.of(0.08, 1.0), 2, true,
                interpolation, 1.0, null);
    }

    @Test
    void rebuiltViewsEqualTheDrawnOnes() {
        RawImage img = Fixtures.traceable(1, 28, Set.of()).image(0);
        for (String crop : List.of("rrc", "pad", "none")) {
            for (int[] sizes : new int[][] {{28, 7}, {56, 14}, {28, 28}}) {
                TwoViewSampler s = new TwoViewSampler(cfg(crop, "area"), sizes[0], sizes[1], new float[] {0.3f}, new float[] {0.4f});
                for (int seed = 0; seed < 8; seed++) {
                    TwoViewSampler.Views drawn = s.train(img, new Random(seed));
                    TwoViewSampler.Draw d = s.draw(img, new Random(seed));
                    assertEquals(drawn.box(), d.box(), crop + " seed " + seed);
                    assertEquals(drawn.flipped(), d.flipped(), crop + " seed " + seed);
                    TwoViewSampler.Views again = s.rebuild(img, d.box(), d.flipped());
                    assertArrayEquals(drawn.small(), again.small(), crop + " " + sizes[0] + "/" + sizes[1] + " seed " + seed);
                    assertArrayEquals(drawn.large(), again.large(), crop + " " + sizes[0] + "/" + sizes[1] + " seed " + seed);
                }
            }
        }
    }

    @Test
    void largeViewAloneIsTheLargeViewOfTraining() {
        RawImage img = Fixtures.traceable(1, 28, Set.of()).image(0);
        for (int[] sizes : new int[][] {{56, 14}, {28, 28}}) {
            TwoViewSampler s = new TwoViewSampler(cfg("rrc", "nearest"), sizes[0], sizes[1], new float[] {0f}, new float[] {1f});
            for (int seed = 0; seed < 8; seed++) {
                TwoViewSampler.Views v = s.train(img, new Random(seed));
                assertArrayEquals(v.large(), s.largeView(img, v.box(), v.flipped()), sizes[0] + "/" + sizes[1]);
            }
        }
    }

    @Test
    void recipeNamesWhatChangesTheLargeViewAndNotTheSmallSize() {
        float[] m = {0.3f};
        float[] sd = {0.4f};
        String base = new TwoViewSampler(cfg("pad", "area"), 28, 7, m, sd).largeViewRecipe();
        assertEquals(base, new TwoViewSampler(cfg("pad", "nearest"), 28, 14, m, sd).largeViewRecipe());
        assertNotEquals(base, new TwoViewSampler(cfg("rrc", "area"), 28, 7, m, sd).largeViewRecipe());
        assertNotEquals(base, new TwoViewSampler(cfg("pad", "area"), 56, 7, m, sd).largeViewRecipe());
        assertNotEquals(base, new TwoViewSampler(cfg("pad", "area"), 28, 7, m, new float[] {0.5f}).largeViewRecipe());
        assertTrue(base.contains("pad 2"), base);
        // equal sizes make one array the small view's way: its interpolation then counts
        String same = new TwoViewSampler(cfg("pad", "area"), 28, 28, m, sd).largeViewRecipe();
        assertNotEquals(base, same);
        assertNotEquals(same, new TwoViewSampler(cfg("pad", "nearest"), 28, 28, m, sd).largeViewRecipe());
    }
}
