package org.pixeldistill.ui.pareto;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.pixeldistill.core.cost.CostReport;

/** The cost a Pareto chart puts on its horizontal axis, read from a {@link CostReport}. */
public enum CostAxis {
    MACS("MACs per image", "MACs", "Multiply-accumulates of one forward pass at the input size", r -> r.macs()),
    PARAMS("parameters", "params", "Trained parameters of the deployed network", r -> r.params()),
    PIXELS("pixels per image", "px", "Sensor pixels: input size squared", r -> r.pixels()),
    KB_RAW("KB per image, raw", "KB raw", "Uncompressed 8-bit image, in 1000 bytes", r -> r.bytesRaw() / 1000.0),
    KB_PNG("KB per image, PNG", "KB PNG", "Mean PNG file of the test images at the input size", r -> r.bytesPng() / 1000),
    KB_JPEG("KB per image, JPEG", "KB", "Mean JPEG file of the test images at the input size", r -> r.bytesJpeg() / 1000),
    TRANSMIT_MS("transmit ms per image", "ms", "Time to send one image over the cost model's link",
            r -> r.transmitSeconds() * 1000),
    WEIGHTED_TOTAL("weighted total cost", "cost", "The cost model's weighted sum (by default GMACs)",
            r -> r.weightedTotal());

    private final String label;
    private final String unit;
    private final String explanation;
    private final ToDoubleFunction<CostReport> value;

    CostAxis(String label, String unit, String explanation, ToDoubleFunction<CostReport> value) {
        this.label = label;
        this.unit = unit;
        this.explanation = explanation;
        this.value = value;
    }

    public String label() {
        return label;
    }

    /** What the axis measures, for a tooltip. */
    public String explanation() {
        return explanation;
    }

    public double of(CostReport report) {
        return value.applyAsDouble(report);
    }

    /** A value with its unit, short: "29 KB", "1.2 M MACs", "45.3 k params", "784 px". */
    public String format(double v) {
        return number(v) + " " + unit;
    }

    /** Three significant figures at most, with k / M / G for large counts. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9) + " G";
        if (a >= 1e6) return trim(v / 1e6) + " M";
        if (a >= 1e4) return trim(v / 1e3) + " k";
        return trim(v);
    }

    private static String trim(double v) {
        double a = Math.abs(v);
        String f = a >= 100 || a == 0 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g";
        String s = String.format(Locale.ROOT, f, v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    @Override
    public String toString() {
        return label;
    }
}
