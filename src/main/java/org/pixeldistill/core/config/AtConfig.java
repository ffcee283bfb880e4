package org.pixeldistill.core.config;

/** Attention transfer on the last stage under {@code distill.at}: weight * ||A_s - A_t||^2, A = normalised mean(f^p). */
public record AtConfig(Double weight, Double p) implements DistillerSettings {
    public static final DistillerKind<AtConfig> KIND = new DistillerKind<>("at", AtConfig.class,
            "attention transfer: the last stages' spatial attention maps", () -> new AtConfig(null, null));

    public AtConfig {
        weight = weight == null ? 1000.0 : weight;
        p = p == null ? 2.0 : p;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".weight", weight, 0);
        Check.range(key + ".p", p, 0.5, 8);
    }
}
