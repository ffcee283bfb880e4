package org.pixeldistill.ui.setup;

/** The training methods the setup panel offers, each mapped to a config section by {@link RunConfigBuilder}. */
public enum Method {
    BASELINE("baseline", "the student alone on its small images, no teacher"),
    KD("KD", "knowledge distillation: the teacher's softened predictions teach the student"),
    AT("AT", "attention transfer: the student's last-stage attention map copies the teacher's"),
    ISRD("ISRD + KD", "pixel distillation (the paper's): KD plus rebuilding the teacher's large image from the"
            + " student's first-layer features"),
    TAS("TAS", "teacher -> assistant (student's network at the large size) -> student: one gap at a time");

    private final String label;
    private final String explanation;

    Method(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    /** The method as run records and the Pareto chart name it ("baseline", "kd", "at", "isrd", "tas"). */
    public String runMethod() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean needsTeacher() {
        return this != BASELINE;
    }

    /** Whether the ISRD weight eta is used. */
    public boolean usesIsrd() {
        return this == ISRD || this == TAS;
    }

    /** Whether the KD temperature and alpha are used. */
    public boolean usesKd() {
        return this == KD || this == ISRD || this == TAS;
    }

    @Override
    public String toString() {
        return label;
    }
}
