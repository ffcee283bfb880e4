package org.pixeldistill.core.config;

/** Similarity preserving under {@code distill.sp}: batch Gram matrices of the last stage. */
public record SpConfig(Double weight) implements DistillerSettings {
    public static final DistillerKind<SpConfig> KIND = new DistillerKind<>("sp", SpConfig.class,
            "similarity preserving: the last stages' batch Gram matrices", () -> new SpConfig(null));

    public SpConfig {
        weight = weight == null ? 3000.0 : weight;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".weight", weight, 0);
    }
}
