package org.pixeldistill.ui.pareto;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * How each method is told apart on the Pareto chart: its name as the set-up panel writes it, a
 * colour and a marker shape. Shapes differ as well as colours, so methods stay apart on a
 * projector that washes colours out and for readers who do not see them. The diamond is the
 * what-if point's and is not used here.
 */
public final class MethodStyles {
    /** A marker: CSS colour, and an SVG path for the shape (null: a circle). */
    public record Style(String colour, String shape) {}

    static final String SQUARE = "M0,0 H10 V10 H0 Z";
    static final String TRIANGLE_UP = "M5,0 L10,10 L0,10 Z";
    static final String TRIANGLE_DOWN = "M0,0 L10,0 L5,10 Z";
    static final String PENTAGON = "M5,0 L10,3.8 L8.1,10 L1.9,10 L0,3.8 Z";
    static final String CROSS = "M3.3,0 H6.7 V3.3 H10 V6.7 H6.7 V10 H3.3 V6.7 H0 V3.3 H3.3 Z";
    static final String HEXAGON = "M2.5,0 H7.5 L10,5 L7.5,10 H2.5 L0,5 Z";

    private static final Map<String, Style> KNOWN = Map.ofEntries(
            Map.entry("baseline", new Style("#7f7f7f", null)),
            Map.entry("KD", new Style("#1f77b4", SQUARE)),
            Map.entry("AT", new Style("#ff7f0e", TRIANGLE_UP)),
            Map.entry("ISRD+KD", new Style("#9467bd", TRIANGLE_DOWN)),
            Map.entry("ISRD", new Style("#e377c2", TRIANGLE_DOWN)),
            Map.entry("TAS", new Style("#8c564b", PENTAGON)),
            Map.entry("teacher", new Style("#17becf", HEXAGON)),
            Map.entry("assistant", new Style("#bcbd22", HEXAGON)),
            Map.entry("det-baseline", new Style("#7f7f7f", null)),
            Map.entry("det-unaligned", new Style("#1f77b4", SQUARE)),
            Map.entry("det-aligned", new Style("#ff7f0e", TRIANGLE_UP)),
            Map.entry("det-afp", new Style("#9467bd", TRIANGLE_DOWN)));
    /** For method mixes without a style of their own (kd+at, ...): picked by the name, so stable. */
    private static final List<Style> OTHERS = List.of(new Style("#17becf", CROSS), new Style("#bcbd22", CROSS),
            new Style("#e377c2", SQUARE), new Style("#8c564b", CROSS), new Style("#1f77b4", CROSS));

    private MethodStyles() {}

    /**
     * The method as the chart and its legend name it: baseline, KD, AT, ISRD+KD (ISRD alone when a
     * config runs it without KD), TAS, kd+at as KD+AT; teachers, assistants and detectors as
     * {@link org.pixeldistill.ui.runs.RunEntries#methodOf} names them.
     */
    public static String label(RunEntry e) {
        String m = e.method();
        if (m.equals("isrd")) {
            boolean withKd = e.config() == null || e.config().distill().active().contains("kd");
            return withKd ? "ISRD+KD" : "ISRD";
        }
        if (m.equals("baseline") || m.equals("teacher") || m.equals("assistant") || m.startsWith("det-")) {
            return m;
        }
        return m.toUpperCase(Locale.ROOT);
    }

    public static Style of(String label) {
        Style known = KNOWN.get(label);
        return known != null ? known : OTHERS.get(Math.floorMod(label.hashCode(), OTHERS.size()));
    }
}
