package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Stage;

class RunCurveTest {
    @TempDir
    Path dir;

    private static MetricsRow row(String stage, int seed, int epoch, double top1, Map<String, Double> losses) {
        return new MetricsRow(Stage.of(stage), seed, epoch, 0.1, losses, 0, top1, 0, 1, 1, 0);
    }

    @Test
    void theLastStageIsAveragedOverSeedsPerEpochLeavingOutASeedWithoutALoss() {
        MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"));
        csv.append(row("teacher", 0, 0, 10, Map.of("total", 9.0)));
        csv.append(row("student", 0, 1, 60, Map.of("total", 1.0)));
        csv.append(row("student", 1, 1, 70, Map.of()));
        csv.append(row("student", 0, 0, 50, Map.of("total", 2.0)));
        csv.append(row("student", 1, 0, 40, Map.of("total", Double.NaN)));
        RunCurve curve = RunCurve.read(dir);
        assertEquals("student", curve.stage());
        assertEquals(List.of(new RunCurve.Point(1, 45), new RunCurve.Point(2, 65)), curve.top1());
        assertEquals(List.of(new RunCurve.Point(1, 2), new RunCurve.Point(2, 1)), curve.loss());
    }

    @Test
    void anEpochNoSeedHasALossForHasNoLossPoint() {
        new MetricsCsv(dir.resolve("metrics.csv")).append(row("model", 0, 0, 50, Map.of("ce", 1.0)));
        RunCurve curve = RunCurve.read(dir);
        assertEquals(List.of(new RunCurve.Point(1, 50)), curve.top1());
        assertEquals(List.of(), curve.loss());
    }
}
