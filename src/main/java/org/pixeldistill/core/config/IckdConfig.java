package org.pixeldistill.core.config;

/** Inter-channel correlation of the last stage under {@code distill.ickd} (student projected by a learnt 1x1 conv). */
public record IckdConfig(Double weight) implements DistillerSettings {
    public static final DistillerKind<IckdConfig> KIND = new DistillerKind<>("ickd", IckdConfig.class,
            "inter-channel correlation of the last stages", () -> new IckdConfig(null));

    public IckdConfig {
        weight = weight == null ? 2.5 : weight;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".weight", weight, 0);
    }
}
