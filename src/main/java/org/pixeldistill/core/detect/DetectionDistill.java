package org.pixeldistill.core.detect;

import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;

/**
 * How a detector student learns from a frozen detector teacher (or assistant).
 *
 * @param aligned true for AFP: the teacher's levels are shifted by log2(r) so its head outputs and
 *     features match the student's one to one (class KD, box L2, feature L2); false for the
 *     unaligned baseline: the teacher's own levels, average-pooled by r to the student's grids,
 *     and only the features distilled (its head outputs cover other regions and cannot be compared)
 * @param temperature of the class KD
 * @param classWeight weight of the class KD term
 * @param boxWeight weight of the box-offset term
 * @param featureWeight weight of the pyramid-feature term
 */
public record DetectionDistill(boolean aligned, double temperature, double classWeight, double boxWeight,
        double featureWeight) {
    public DetectionDistill {
        if (!(temperature > 0)) {
            throw new ConfigException("detect.distill.temperature must be > 0, got " + temperature);
        }
        Check.atLeast("detect.distill.class_weight", classWeight, 0);
        Check.atLeast("detect.distill.box_weight", boxWeight, 0);
        Check.atLeast("detect.distill.feature_weight", featureWeight, 0);
    }
}
