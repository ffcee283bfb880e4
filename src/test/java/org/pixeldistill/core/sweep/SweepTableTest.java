package org.pixeldistill.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

class SweepTableTest {
    private static SweepTable.Row row(String id, long macs, Double top1) {
        SweepCell cell = new SweepCell(id, "resnet18", 2, "kd", 14, null);
        RunSummary summary = top1 == null ? null : new RunSummary(id, "finished", "", List.of(Stage.STUDENT), Score.TOP1, top1, 0.5,
                top1 - 1, 0.25, List.of(), null);
        CostReport cost = new CostReport("resnet18", 14, 1, 10, 1.0, 1000, macs, 4000, 196, 196, 150.5, 400.25, 75, 1.0,
                "jpeg", 0.0032, macs / 1e9);
        return new SweepTable.Row(new SweepRunner.Result(cell, Path.of("/runs/" + id), summary), cost);
    }

    @Test
    void rowsCarryAccuracyCostsAndTheParetoFront() {
        // (macs, top-1): a (100, 80), b (50, 85) dominates a and c (200, 70); d has not started
        List<SweepTable.Row> rows = List.of(row("a", 100, 80.0), row("b", 50, 85.0), row("c", 200, 70.0),
                row("d", 10, null));
        List<String> lines = SweepTable.format(rows, "macs", Path.of("/runs/sweeps/s")).lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals("cell", header.get(0));
        int pareto = header.indexOf("pareto_macs");
        int best = header.indexOf("best_top1_mean");
        int macs = header.indexOf("macs");
        int status = header.indexOf("status");
        assertEquals(List.of("false", "true", "false", "false"),
                lines.subList(1, 5).stream().map(l -> l.split(",")[pareto]).toList());
        assertEquals("85.0000", lines.get(2).split(",")[best]);
        assertEquals("50.0000", lines.get(2).split(",")[macs]);
        assertEquals("not started", lines.get(4).split(",")[status]);
        assertEquals(header.size(), lines.get(1).split(",", -1).length);
        assertEquals("../../a", lines.get(1).split(",")[header.indexOf("run_folder")], "relative to the sweep's folder");
        // on bytes all four cost the same: only the most accurate finished cell is on the front
        List<String> byBytes = SweepTable.format(rows, "bytes_jpeg", Path.of("/runs")).lines().toList();
        int p2 = Arrays.asList(byBytes.get(0).split(",")).indexOf("pareto_bytes_jpeg");
        assertEquals("true", byBytes.get(2).split(",")[p2]);
        assertEquals("false", byBytes.get(1).split(",")[p2]);
    }

    @Test
    void anUnknownCostAxisIsAnError() {
        assertThrows(ConfigException.class, () -> SweepTable.checkAxis("encoding"));
        assertThrows(ConfigException.class, () -> SweepTable.checkAxis("speed"));
        SweepTable.checkAxis("transmit_seconds");
    }
}
