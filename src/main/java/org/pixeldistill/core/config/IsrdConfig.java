package org.pixeldistill.core.config;

/**
 * Input spatial representation distillation under {@code distill.isrd}: eta * L1(D(f0), x_L).
 *
 * <p>METHOD.md gives eta = 10 at r = 2 and 50 at r = 4; {@link #etaAt} is the one rule every
 * caller uses (sweep cells, the workbench's suggestion, the command line's help): 10 up to r = 2,
 * 50 above, so r = 3 gets 50. An entry written without eta ({@code isrd: {}}) knows no ratio and
 * takes the r = 4 value, the paper's main setting.
 */
public record IsrdConfig(Double eta) implements DistillerSettings {
    /** The largest ratio that still gets the small weight. */
    public static final int SMALL_RATIO_MAX = 2;
    public static final int ETA_SMALL_RATIO = 10;
    public static final int ETA_LARGE_RATIO = 50;
    /** {@link #etaAt} in words; a compile-time constant, so annotations (picocli help) can use it. */
    public static final String ETA_RULE = ETA_SMALL_RATIO + " for r <= " + SMALL_RATIO_MAX + ", " + ETA_LARGE_RATIO + " above";

    public static final DistillerKind<IsrdConfig> KIND = new DistillerKind<>("isrd", IsrdConfig.class,
            "ISRD: eta x L1 between the large view and the image a decoder rebuilds from the student's f0",
            () -> new IsrdConfig(null), r -> new IsrdConfig(etaAt(r)));

    public IsrdConfig {
        eta = eta == null ? (double) ETA_LARGE_RATIO : eta;
    }

    /** METHOD.md's ISRD weight for a student at S / r. */
    public static double etaAt(int ratio) {
        return ratio <= SMALL_RATIO_MAX ? ETA_SMALL_RATIO : ETA_LARGE_RATIO;
    }

    @Override
    public void validate(String key) {
        Check.atLeast(key + ".eta", eta, 0);
    }
}
