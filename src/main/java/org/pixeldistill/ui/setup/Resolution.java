package org.pixeldistill.ui.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The student's input sizes the resolution slider offers: the teacher's size divided by a
 * reduction ratio r of 1, 2, 4 or 8, keeping only the ratios that divide it exactly (28 gives
 * 28, 14 and 7; 224 gives 224 down to 28) so every size is a whole number of pixels.
 */
public final class Resolution {
    static final List<Integer> RATIOS = List.of(8, 4, 2, 1);

    private Resolution() {}

    /** Valid ratios for a teacher size, largest first, so the slider runs from small images to large. */
    public static List<Integer> ratios(int teacherSize) {
        List<Integer> valid = new ArrayList<>();
        for (int r : RATIOS) {
            if (teacherSize % r == 0 && teacherSize / r >= 2) {
                valid.add(r);
            }
        }
        if (valid.isEmpty()) {
            valid.add(1);
        }
        return List.copyOf(valid);
    }

    /** Index of {@code ratio} in {@code ratios}, or of the nearest valid ratio. */
    public static int indexOf(List<Integer> ratios, int ratio) {
        int best = 0;
        for (int i = 0; i < ratios.size(); i++) {
            if (Math.abs(ratios.get(i) - ratio) < Math.abs(ratios.get(best) - ratio)) {
                best = i;
            }
        }
        return best;
    }

    /** "7x7 (r = 4)". */
    public static String label(int teacherSize, int ratio) {
        int size = teacherSize / ratio;
        return String.format(Locale.ROOT, "%dx%d (r = %d)", size, size, ratio);
    }
}
