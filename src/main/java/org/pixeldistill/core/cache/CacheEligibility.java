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

    /**
     * A detector student's decision. AFP (aligned) reads the frozen detector's class logits and box
     * offsets anchor by anchor, which a cache records; its pyramid-feature term reads the teacher's
     * feature maps, which are recorded too when the whole file, features included, stays within
     * {@code budgetBytes}; past it the teacher runs live. The unaligned rule reads the teacher's
     * pooled features at the student's grids, which are not recorded: live.
     *
     * @param aligned {@code detect.distill.aligned}
     * @param headTerms whether a class or box weight is above 0
     * @param featureTerm whether the feature weight is above 0
     * @param bytes the cache file's size with what the active terms need (features included when
     *     {@code featureTerm})
     */
    public static Decision decideDetector(String mode, boolean aligned, boolean headTerms, boolean featureTerm, long bytes,
            long budgetBytes) {
        if ("off".equals(mode)) {
            return new Decision(false, "teacher cache off (distill.teacher_cache: off): the detector teacher runs live");
        }
        if (!"auto".equals(mode)) {
            throw new IllegalArgumentException("distill.teacher_cache must be auto or off, got " + mode);
        }
        if (!headTerms && !featureTerm) {
            return new Decision(false, "teacher cache not needed: every detect.distill weight is 0");
        }
        if (!aligned) {
            return new Decision(false, "teacher cache off: the unaligned rule (detect.distill.aligned: false) reads"
                    + " the teacher's pooled pyramid features, which are not recorded, so the teacher runs live");
        }
        String what = headTerms && featureTerm ? "AFP's class logits, box offsets and pyramid features"
                : featureTerm ? "AFP's pyramid features" : "AFP's class logits and box offsets";
        if (bytes > budgetBytes) {
            return new Decision(false, "teacher cache off: recording " + what + " would take " + TeacherCache.size(bytes)
                    + ", over the " + TeacherCache.size(budgetBytes) + " disk budget, so the teacher runs live");
        }
        return new Decision(true, "teacher cache on: " + what + " recorded per view (" + TeacherCache.size(bytes)
                + ", within the " + TeacherCache.size(budgetBytes) + " disk budget)");
    }
}
