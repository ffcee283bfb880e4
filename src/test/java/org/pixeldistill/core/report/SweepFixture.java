package org.pixeldistill.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepRunner;
import org.pixeldistill.core.sweep.SweepTable;

/**
 * A sweep folder made by hand, without training: cells with chosen accuracies, written through
 * the project's own writers (sweep.csv by SweepTable, config.yaml and summary.json by RunFolder).
 * Teacher size 28, student resnet18; every cell's run took 100 s.
 */
public final class SweepFixture {
    /** One cell: its accuracy (null = no result) and status ("not started" = no folder at all). */
    public record Cell(int ratio, String method, String status, Double best, Double std, Double last, int seeds) {}

    private SweepFixture() {}

    /**
     * r = 2: baseline 80.00 ± 0.50, kd 83.00 ± 0.50 (a clear win), isrd 80.40 ± 0.50 (within the spread);
     * r = 4: baseline 70.00 ± 0.40, kd 67.00 ± 0.40 (a clear loss), isrd still running.
     */
    public static List<Cell> twoRatiosThreeMethods() {
        return List.of(
                new Cell(2, "baseline", "finished", 80.0, 0.5, 79.5, 3),
                new Cell(2, "kd", "finished", 83.0, 0.5, 82.5, 3),
                new Cell(2, "isrd", "finished", 80.4, 0.5, 80.1, 3),
                new Cell(4, "baseline", "finished", 70.0, 0.4, 69.0, 3),
                new Cell(4, "kd", "finished", 67.0, 0.4, 66.8, 3),
                new Cell(4, "isrd", "running", null, null, null, 1));
    }

    public static Path write(Path sweepDir, List<Cell> cells) {
        return write(sweepDir, cells, null);
    }

    /** As {@link #write(Path, List)}, the distilled (non-baseline) cells recording {@code teacherRun} as their teacher. */
    public static Path write(Path sweepDir, List<Cell> cells, Path teacherRun) {
        List<SweepTable.Row> rows = new ArrayList<>();
        for (Cell c : cells) {
            int size = 28 / c.ratio();
            String id = "resnet18-r" + c.ratio() + "-" + c.method();
            RunConfig cfg = ConfigLoader.parse("name: demo-" + id + "\nmodel: {backbone: resnet18, input_size: " + size
                    + "}\ntrain: {epochs: 6, seeds: [0, 1, 2]}\n", id);
            SweepCell cell = new SweepCell(id, "resnet18", c.ratio(), c.method(), size, cfg);
            Path dir = sweepDir.resolve("cells").resolve(id + "-0123abcd");
            RunSummary summary = null;
            if (!c.status().equals("not started")) {
                RunFolder folder = RunFolder.at(dir);
                folder.writeConfig(cfg);
                summary = new RunSummary(cfg.name(), c.status(), "", List.of(Stage.STUDENT), Score.TOP1, c.best(), c.std(), c.last(),
                        c.std() == null ? null : c.std() / 2, List.of(),
                        provenance(teacherRun == null || c.method().equals("baseline") ? null : teacherRun.toString()));
                folder.writeSummary(summary);
            }
            rows.add(new SweepTable.Row(new SweepRunner.Result(cell, dir, summary), cost(size)));
        }
        SweepTable.write(sweepDir.resolve("sweep.csv"), rows, "macs");
        return sweepDir;
    }

    static RunSummary.Provenance provenance(String teacherRun) {
        return new RunSummary.Provenance("hash", List.of(0, 1, 2), "fashion-mnist", "/data/fmnist", 300, 100, 0, "PyTorch",
                "2.3.1", "0.29.0", "cpu()", "17.0.9", "Linux amd64", "2024-05-01T10:00:00", 100.0, teacherRun, null);
    }

    /** MACs fall with the pixels (x4 per halving of the side); JPEG bytes less so. */
    static CostReport cost(int size) {
        long pixels = (long) size * size;
        long macs = pixels * 1_000_000L / 49; // 1 M at 7 px, 4 M at 14 px, 16 M at 28 px
        double jpeg = size == 28 ? 800.0 : size == 14 ? 400.0 : 200.0;
        return new CostReport("resnet18", size, 1, 10, 0.25, 170_000, macs, 4 * macs / 100, pixels, pixels, pixels * 0.9,
                jpeg, 75, 1.0, "jpeg", jpeg * 8 / 1e6, macs / 1e9);
    }
}
