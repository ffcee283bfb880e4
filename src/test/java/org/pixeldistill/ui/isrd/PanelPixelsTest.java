package org.pixeldistill.ui.isrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.pixeldistill.core.data.RawImage;

/** Nearest-neighbour enlargement, heat colours and overlays, computed without a toolkit. */
class PanelPixelsTest {

    @Test
    void enlargementMakesSolidBlocksOfEachSourcePixel() {
        RawImage img = new RawImage(new float[] {0f, 1f, 0.5f, 0.25f}, 1, 2, 2);
        PanelPixels.Argb big = PanelPixels.enlarge(img, 3);
        assertEquals(6, big.width());
        assertEquals(6, big.height());
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                float v = img.at(0, y / 3, x / 3);
                int grey = Math.round(v * 255);
                assertEquals(0xFF000000 | grey << 16 | grey << 8 | grey, big.at(x, y), "pixel " + x + "," + y);
            }
        }
        assertNotEquals(big.at(2, 0), big.at(3, 0)); // the block edge is sharp
    }

    @Test
    void colourImagesKeepTheirChannels() {
        // 1x1 RGB pixel (1, 0.5, 0)
        PanelPixels.Argb px = PanelPixels.enlarge(new RawImage(new float[] {1f, 0.5f, 0f}, 3, 1, 1), 2);
        assertEquals(0xFFFF8000, px.at(1, 1));
    }

    @Test
    void heatRunsFromBlueThroughGreenToRed() {
        assertEquals(0x0000FF, PanelPixels.heat(0f));
        assertEquals(0x00FFFF, PanelPixels.heat(0.25f));
        assertEquals(0x00FF00, PanelPixels.heat(0.5f));
        assertEquals(0xFFFF00, PanelPixels.heat(0.75f));
        assertEquals(0xFF0000, PanelPixels.heat(1f));
        assertEquals(0xFF0000, PanelPixels.heat(7f));
    }

    @Test
    void aMapIsStretchedOverTheImageCellByCell() {
        RawImage black = new RawImage(new float[16], 1, 4, 4);
        // 2x2 map: hot top-left, cold elsewhere, fully opaque to read the colours back
        PanelPixels.Argb out = PanelPixels.overlay(black, 2, new float[] {1f, 0f, 0f, 0f}, 2, 1f);
        assertEquals(8, out.width());
        assertEquals(0xFFFF0000, out.at(0, 0));
        assertEquals(0xFFFF0000, out.at(3, 3));
        assertEquals(0xFF0000FF, out.at(4, 0));
        assertEquals(0xFF0000FF, out.at(0, 4));
        // half transparent over black: half the heat colour
        assertEquals(0xFF800000, PanelPixels.overlay(black, 1, new float[] {1f}, 1, 0.5f).at(0, 0));
    }

    @Test
    void scaleIsAWholeFactorNearTheTarget() {
        assertEquals(16, PanelPixels.scaleFor(7, 112));
        assertEquals(4, PanelPixels.scaleFor(28, 112));
        assertEquals(1, PanelPixels.scaleFor(224, 112));
    }
}
