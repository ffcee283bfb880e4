package org.pixeldistill.core.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The report's tables: accuracy per student, cost per ratio, and the Pareto front. */
final class ReportTables {
    private ReportTables() {}

    /** Methods down, ratios across; each cell "best mean ± std (last mean)" or "—" with its status. */
    static String headline(SweepGrid grid, String student) {
        List<Integer> ratios = grid.ratios(student);
        List<String> header = new ArrayList<>(List.of("method"));
        for (int r : ratios) {
            header.add("r = " + r + " (" + grid.inputSize(student, r) + " px)");
        }
        MarkdownTable table = new MarkdownTable(header, 1);
        for (String method : grid.methods(student)) {
            List<String> row = new ArrayList<>(List.of(method));
            for (int r : ratios) {
                row.add(grid.get(student, r, method).map(ReportFormat::accuracy).orElse("not in sweep"));
            }
            table.add(row);
        }
        return table.render();
    }

    /** One row per student and ratio: the cost does not depend on the method (decoders exist only in training). */
    static String cost(SweepGrid grid) {
        MarkdownTable table = new MarkdownTable(List.of("student", "r", "input (px)", "pixels", "bytes raw", "bytes PNG",
                "bytes JPEG", "MACs (M)", "params (M)", "transmit (ms)"), 2);
        for (String student : grid.students()) {
            for (int r : grid.ratios(student)) {
                SweepRow row = grid.rows().stream().filter(x -> x.student().equals(student) && x.ratio() == r)
                        .findFirst().orElseThrow();
                table.add(List.of(student, Integer.toString(r), Integer.toString(row.inputSize()),
                        ReportFormat.count(row.cost("pixels"), 0), ReportFormat.count(row.cost("bytes_raw"), 0),
                        ReportFormat.count(row.cost("bytes_png"), 1), ReportFormat.count(row.cost("bytes_jpeg"), 1),
                        ReportFormat.millions(row.cost("macs")), ReportFormat.millions(row.cost("params")),
                        ReportFormat.count(row.cost("transmit_seconds") * 1000, 3)));
            }
        }
        return table.render();
    }

    /** How the byte and transmission columns were measured, from the first row. */
    static String costNote(SweepGrid grid) {
        if (grid.rows().isEmpty()) {
            return "";
        }
        SweepRow first = grid.rows().get(0);
        return String.format(Locale.ROOT, "Bytes are per image (PNG and JPEG: mean over test images; JPEG at quality %s)."
                        + " Transmit time sends the %s bytes at %s Mbit/s. MACs and parameters are the student's at"
                        + " inference; the ISRD decoder exists only in training and costs nothing here.%n",
                Double.isNaN(first.cost("jpeg_quality")) ? "?" : ReportFormat.count(first.cost("jpeg_quality"), 0),
                first.encoding().isBlank() ? "?" : first.encoding(),
                Double.isNaN(first.cost("bandwidth_mbps")) ? "?"
                        : BigDecimal.valueOf(first.cost("bandwidth_mbps")).stripTrailingZeros().toPlainString());
    }

    /** The cells on the front, cheapest first. */
    static String pareto(SweepGrid grid, String axis, String metric) {
        MarkdownTable table = new MarkdownTable(List.of("cell", axis, "best " + metric + " (%)"), 1);
        grid.rows().stream().filter(SweepRow::pareto)
                .sorted(Comparator.comparingDouble((SweepRow r) -> r.cost(axis)).thenComparing(SweepRow::cell))
                .forEach(r -> table.add(List.of(r.cell(), ReportFormat.cost(axis, r.cost(axis)),
                        r.finished() ? ReportFormat.pct(r.bestMean()) + " ± " + ReportFormat.pct(r.spread()) : "—")));
        return table.isEmpty() ? "" : table.render();
    }
}
