package org.pixeldistill.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Stage;

/**
 * A run's learning curves for the Compare chart: test top-1 (percent) and total training loss per
 * epoch (1-based) of its final stage, averaged over seeds, as read from metrics.csv.
 *
 * @param stage the stage plotted (the last one written: student, model, ...)
 * @param note why a curve is empty ("" when it is not)
 */
public record RunCurve(String name, String stage, List<Point> top1, List<Point> loss, String note) {
    /** One epoch of a curve. */
    public record Point(double epoch, double value) {}

    public RunCurve {
        top1 = List.copyOf(top1);
        loss = List.copyOf(loss);
    }

    /** Never throws: a missing or broken metrics.csv gives empty curves with a note. */
    public static RunCurve read(Path folder) {
        String name = folder.getFileName().toString();
        Path file = folder.resolve("metrics.csv");
        if (!Files.isRegularFile(file)) {
            return new RunCurve(name, "", List.of(), List.of(), "no metrics.csv");
        }
        List<MetricsRow> rows;
        try {
            rows = new MetricsCsv(file).rows();
        } catch (RuntimeException e) {
            return new RunCurve(name, "", List.of(), List.of(), RunEntries.oneLine(e));
        }
        if (rows.isEmpty()) {
            return new RunCurve(name, "", List.of(), List.of(), "no epoch finished yet");
        }
        Stage stage = rows.get(rows.size() - 1).stage();
        Map<Integer, double[]> sums = new TreeMap<>(); // epoch -> top-1 sum, loss sum, loss count, rows
        for (MetricsRow r : rows) {
            if (!r.stage().equals(stage)) continue;
            double[] s = sums.computeIfAbsent(r.epoch(), e -> new double[4]);
            s[0] += r.testScore();
            Double total = r.losses().get("total");
            if (total != null && !total.isNaN()) {
                s[1] += total;
                s[2]++;
            }
            s[3]++;
        }
        List<Point> top1 = new ArrayList<>();
        List<Point> loss = new ArrayList<>();
        sums.forEach((epoch, s) -> {
            top1.add(new Point(epoch + 1, s[0] / s[3]));
            if (s[2] > 0) loss.add(new Point(epoch + 1, s[1] / s[2]));
        });
        return new RunCurve(name, stage.key(), top1, loss, "");
    }
}
