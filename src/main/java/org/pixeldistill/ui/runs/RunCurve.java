package org.pixeldistill.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Stage;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSliceGroup;
import org.pixeldistill.core.util.Texts;

/**
 * A run's learning curves for the Compare chart: test top-1 (percent) and total training loss per
 * epoch (1-based) of its final stage, averaged over seeds (a Tablesaw summary by epoch), as read
 * from metrics.csv.
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
            return new RunCurve(name, "", List.of(), List.of(), Texts.oneLine(e));
        }
        if (rows.isEmpty()) {
            return new RunCurve(name, "", List.of(), List.of(), "no epoch finished yet");
        }
        Stage stage = rows.get(rows.size() - 1).stage();
        List<MetricsRow> last = rows.stream().filter(r -> r.stage().equals(stage)).toList();
        Table epochs = Table.create("epochs",
                IntColumn.create("epoch", last.stream().mapToInt(MetricsRow::epoch)),
                DoubleColumn.create("top1", last.stream().mapToDouble(MetricsRow::testScore)),
                DoubleColumn.create("loss", last.stream().mapToDouble(r -> r.losses().getOrDefault("total", Double.NaN))));
        // the mean over seeds of each epoch; a seed without a value (NaN) is left out of its epoch's mean
        Table means = epochs.summarize("top1", "loss", AggregateFunctions.mean).by("epoch").sortAscendingOn("epoch");
        DoubleColumn meanTop1 = means.doubleColumn(TableSliceGroup.aggregateColumnName("top1", AggregateFunctions.mean.functionName()));
        DoubleColumn meanLoss = means.doubleColumn(TableSliceGroup.aggregateColumnName("loss", AggregateFunctions.mean.functionName()));
        List<Point> top1 = new ArrayList<>();
        List<Point> loss = new ArrayList<>();
        for (int i = 0; i < means.rowCount(); i++) {
            double epoch = means.intColumn("epoch").getInt(i) + 1;
            top1.add(new Point(epoch, meanTop1.getDouble(i)));
            if (!meanLoss.isMissing(i)) {
                loss.add(new Point(epoch, meanLoss.getDouble(i)));
            }
        }
        return new RunCurve(name, stage.key(), top1, loss, "");
    }
}
