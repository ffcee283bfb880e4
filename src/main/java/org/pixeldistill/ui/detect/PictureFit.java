package org.pixeldistill.ui.detect;

import java.util.function.IntToDoubleFunction;

/**
 * How much the Detection tab enlarges its pictures: a whole factor (each source pixel a solid
 * block), near the normal size times the presentation scale, but never so large that the two
 * pictures side by side with their titles leave the area they are shown in. On a 1366x768 screen
 * that area, not the presentation scale, is what limits them.
 */
final class PictureFit {
    /** Between the two pictures. */
    static final double GAP = 16;
    /** Around the two pictures. */
    static final double PADDING = 8;
    /** Between a title and its picture. */
    static final double TITLE_GAP = 6;
    /** Room kept for a vertical scroll bar and the scroll pane's border, so that neither is needed. */
    private static final double BAR = 16;
    private static final double BORDER = 4;

    private PictureFit() {}

    /** The width of each picture's column (its title wraps to it) in an area {@code areaWidth} wide. */
    static double column(double areaWidth) {
        return Math.max(0, (areaWidth - BAR - BORDER - 2 * PADDING - GAP) / 2);
    }

    /**
     * The factor for an image {@code width} pixels wide: the whole number nearest {@code wanted /
     * width}, lowered until both pictures (each {@code width} times the factor) and their titles
     * ({@code titleHeight} of a picture's side: the taller title with that picture) fit in
     * {@code areaWidth} x {@code areaHeight}; at least 1. An area not laid out yet (a side of 0)
     * does not limit.
     */
    static int factor(int width, double wanted, double areaWidth, double areaHeight, IntToDoubleFunction titleHeight) {
        int factor = Math.max(1, (int) Math.round(wanted / width));
        if (areaWidth <= 0 || areaHeight <= 0) {
            return factor;
        }
        factor = Math.min(factor, (int) Math.floor(column(areaWidth) / width));
        for (; factor > 1; factor--) {
            int side = width * factor;
            if (side + TITLE_GAP + titleHeight.applyAsDouble(side) + 2 * PADDING + BORDER <= areaHeight) {
                return factor;
            }
        }
        return 1;
    }
}
