package org.pixeldistill.core.config;

/**
 * FitNet-style MSE under {@code distill.fitnet}: the student's last stage projected by a 1x1 conv,
 * upsampled to the teacher's.
 */
public record FitnetConfig(Double weight) implements DistillerSettings {
    public static final DistillerKind<FitnetConfig> KIND = new DistillerKind<>("fitnet", FitnetConfig.class,
            "FitNet: MSE of the last stages, the student's projected and upsampled", () -> new FitnetConfig(null));

    public FitnetConfig {
        weight = weight == null ? 1.0 : weight;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".weight", weight, 0);
    }
}
