package org.pixeldistill.core.config;

/** Hinton KD under {@code distill.kd}: (1-alpha) CE + alpha t^2 KL (METHOD.md: t = 4, alpha = 0.9). */
public record KdConfig(Double alpha, Double temperature) implements DistillerSettings {
    public static final DistillerKind<KdConfig> KIND = new DistillerKind<>("kd", KdConfig.class,
            "Hinton KD: (1-alpha) CE + alpha t^2 KL of the softened logits", () -> new KdConfig(null, null));

    public KdConfig {
        alpha = alpha == null ? 0.9 : alpha;
        temperature = temperature == null ? 4.0 : temperature;
    }

    @Override
    public void validate(String key) {
        Check.range(key + ".alpha", alpha, 0, 1);
        Check.range(key + ".temperature", temperature, 0.01, 100);
    }
}
