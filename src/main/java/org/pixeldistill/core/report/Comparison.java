package org.pixeldistill.core.report;

/**
 * Two finished cells compared on mean best top-1: the difference counts only when it is larger
 * than the two spreads added (a rough test, and the one the report states). With a single seed
 * there is no spread, so no verdict either way.
 *
 * @param delta {@code a - b} in percentage points
 * @param spread the two standard deviations added
 */
record Comparison(SweepRow a, SweepRow b, double delta, double spread, Verdict verdict) {

    /** How {@code a} stands against {@code b}. */
    enum Verdict {
        BEATS, TRAILS, WITHIN_SPREAD, ONE_SEED
    }

    static Comparison of(SweepRow a, SweepRow b) {
        double delta = a.bestMean() - b.bestMean();
        double spread = a.spread() + b.spread();
        Verdict v;
        if (singleSeed(a) || singleSeed(b)) {
            v = Verdict.ONE_SEED;
        } else if (Math.abs(delta) > spread) {
            v = delta > 0 ? Verdict.BEATS : Verdict.TRAILS;
        } else {
            v = Verdict.WITHIN_SPREAD;
        }
        return new Comparison(a, b, delta, spread, v);
    }

    /** One seed finished, or the seed count is not recorded and there is no spread. */
    static boolean singleSeed(SweepRow r) {
        return r.seeds() == 1 || (r.seeds() == 0 && r.spread() == 0);
    }

    /** For lists: "trails", "within the spread", "one seed". */
    String shortVerdict() {
        return switch (verdict) {
            case BEATS -> "beats";
            case TRAILS -> "trails";
            case WITHIN_SPREAD -> "within the spread";
            case ONE_SEED -> "one seed, not judged";
        };
    }
}
