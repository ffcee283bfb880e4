package org.pixeldistill.core.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.data.RawImage;

/** Attention maps and display helpers on hand-made inputs. */
class SpatialMapsTest {

    @Test
    void attentionIsTheL2NormalisedChannelMeanOfSquares() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one image, two channels, 2x2: channel 0 = 1 2 / 3 4, channel 1 = 0 2 / -1 0
            float[] f = {1, 2, 3, 4, 0, 2, -1, 0};
            float[][] map = SpatialMaps.attention(m.create(f, new Shape(1, 2, 2, 2)));
            // channel means of squares: (1+0)/2, (4+4)/2, (9+1)/2, (16+0)/2 = 0.5, 4, 5, 8
            float norm = (float) Math.sqrt(0.25 + 16 + 25 + 64);
            assertArrayEquals(new float[] {0.5f / norm, 4 / norm, 5 / norm, 8 / norm}, map[0], 1e-6f);
            assertArrayEquals(new float[] {0.0625f, 0.5f, 0.625f, 1f}, SpatialMaps.toUnitRange(map[0]), 1e-6f);
        }
    }

    @Test
    void unitRangeKeepsAnAllZeroMapAtZero() {
        assertArrayEquals(new float[] {0, 0, 0, 0}, SpatialMaps.toUnitRange(new float[] {0, 0, -1, 0}), 0f);
        assertArrayEquals(new float[] {1, 1}, SpatialMaps.toUnitRange(new float[] {3, 3}), 0f);
    }

    @Test
    void denormaliseUndoesTheNormalisationPerChannelAndClamps() {
        float[] normalised = {0f, 1f, -10f, 10f, 0f, 2f, 0f, 0f};
        RawImage img = DisplayImages.denormalise(normalised, 0, 2, 2, new float[] {0.5f, 0.25f}, new float[] {0.2f, 0.5f});
        assertEquals(2, img.channels());
        // channel 0: x*0.2+0.5; channel 1: x*0.5+0.25
        assertArrayEquals(new float[] {0.5f, 0.7f, 0f, 1f, 0.25f, 1f, 0.25f, 0.25f}, img.pixels(), 1e-6f);
    }
}
