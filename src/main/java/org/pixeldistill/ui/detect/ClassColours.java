package org.pixeldistill.ui.detect;

/**
 * One colour per class label for boxes, labels and the AP table's swatches: ten well separated
 * hues (after matplotlib's "tab10"), repeated for more classes. Plain 0xRRGGBB ints, so view-models
 * and tests need no toolkit.
 */
public final class ClassColours {
    private static final int[] PALETTE = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    };

    private ClassColours() {}

    /** The colour of class {@code label} (labels past ten reuse the palette). */
    public static int rgb(int label) {
        return PALETTE[Math.floorMod(label, PALETTE.length)];
    }

    /** As a CSS colour, "#rrggbb". */
    public static String css(int label) {
        return String.format("#%06x", rgb(label));
    }
}
