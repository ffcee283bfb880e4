package org.pixeldistill.core.cache;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.distill.Distillers;

/**
 * Whether a student's distillers can run from a teacher cache, and the one line the console
 * shows about it. A cache holds the teacher's logits and the views; KD and DKD read only the
 * logits, ISRD only the large view. AT, SP, ICKD, FitNet and the stage-feature distiller read the
 * teacher's feature maps, which are not recorded: with any of them the teacher runs live. Which
 * is which is declared once, beside each distiller's factory ({@link Distillers.TeacherReads}).
 */
public final class CacheEligibility {
    /** The decision and why, in words for the console. */
    public record Decision(boolean useCache, String reason) {}

    private CacheEligibility() {}

    /**
     * @param mode {@code distill.teacher_cache}: "auto" or "off"
     * @param distillers config names of the active distillers
     */
    public static Decision decide(String mode, List<String> distillers) {
        if ("off".equals(mode)) {
            return new Decision(false, "teacher cache off (distill.teacher_cache: off): the teacher runs live");
        }
        if (!"auto".equals(mode)) {
            throw new IllegalArgumentException("distill.teacher_cache must be auto or off, got " + mode);
        }
        if (distillers.isEmpty()) {
            return new Decision(false, "teacher cache not needed: no distiller");
        }
        List<String> live = new ArrayList<>();
        for (String d : distillers) {
            if (Distillers.teacherReads(d) != Distillers.TeacherReads.LOGITS) {
                live.add(d);
            }
        }
        if (!live.isEmpty()) {
            return new Decision(false, "teacher cache off: " + String.join(", ", live)
                    + (live.size() == 1 ? " reads" : " read") + " the teacher's feature maps, so the teacher runs live");
        }
        return new Decision(true, "teacher cache on: " + String.join(", ", distillers)
                + " need only the teacher's logits and the large view");
    }
}
