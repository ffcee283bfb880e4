package org.pixeldistill.core.config;

/**
 * Feature loss between matching stages (TAS stage 2) under {@code distill.feature}: each student
 * stage bilinearly upsampled to the teacher's size, weight * MSE, summed over stages. Needs the
 * same architecture on both sides (an assistant and its student).
 */
public record FeatureConfig(Double weight) implements DistillerSettings {
    public static final DistillerKind<FeatureConfig> KIND = new DistillerKind<>("feature", FeatureConfig.class,
            "TAS stage 2: MSE between matching stages of an assistant and its student", () -> new FeatureConfig(null));

    public FeatureConfig {
        weight = weight == null ? 1.0 : weight;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".weight", weight, 0);
    }
}
