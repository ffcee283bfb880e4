package org.pixeldistill.core.report;

import java.util.Locale;

/** How numbers read in a report: accuracy in percent with 2 decimals, costs in handy units. */
final class ReportFormat {
    private ReportFormat() {}

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A signed difference in percentage points: +1.20, -0.35. */
    static String points(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }

    /** "best mean ± std (last mean)", or "—" with the status for a cell without a result. */
    static String accuracy(SweepRow row) {
        if (!row.finished()) {
            return "— (" + row.status() + ")";
        }
        return pct(row.bestMean()) + " ± " + pct(row.spread()) + " (" + (row.lastMean() == null ? "—" : pct(row.lastMean()))
                + ")";
    }

    /** Millions with enough digits to tell small networks apart: 0.172, 1.82, 4,110. */
    static String millions(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double m = v / 1e6;
        return String.format(Locale.ROOT, m >= 100 ? "%,.0f" : m >= 1 ? "%.2f" : "%.3f", m);
    }

    static String count(double v, int decimals) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** How many times smaller a cost became: "16.0x". */
    static String factor(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0fx" : "%.1fx", v);
    }

    /** A cost on a Pareto axis, in the unit that suits it. */
    static String cost(String axis, double v) {
        return switch (axis) {
            case "macs", "params" -> millions(v) + " M";
            case "transmit_seconds" -> Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f ms", v * 1000);
            case "pixels", "bytes_raw", "activation_bytes" -> count(v, 0);
            case "bytes_png", "bytes_jpeg" -> count(v, 1);
            default -> Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4g", v);
        };
    }

}
