package org.pixeldistill.core.config;

/** Decoupled KD under {@code distill.dkd}: alpha TCKD + beta NCKD, ramped in over warmup epochs. */
public record DkdConfig(Double alpha, Double beta, Double temperature, Integer warmup) implements DistillerSettings {
    public static final DistillerKind<DkdConfig> KIND = new DistillerKind<>("dkd", DkdConfig.class,
            "decoupled KD: target and non-target class KD, ramped in over warmup epochs",
            () -> new DkdConfig(null, null, null, null));

    public DkdConfig {
        alpha = alpha == null ? 1.0 : alpha;
        beta = beta == null ? 8.0 : beta;
        temperature = temperature == null ? 4.0 : temperature;
        warmup = warmup == null ? 20 : warmup;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".alpha", alpha, 0);
        Check.atLeast(key + ".beta", beta, 0);
        Check.range(key + ".temperature", temperature, 0.01, 100);
        Check.atLeast(key + ".warmup", warmup, 0);
    }
}
