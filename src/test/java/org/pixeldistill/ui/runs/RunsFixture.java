package org.pixeldistill.ui.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/** Run folders written by hand (config.yaml, summary.json, metrics.csv) for the runs and Pareto tests. */
public final class RunsFixture {
    public static final String DATA = Path.of("assets/fashion-mnist").toAbsolutePath().toString();

    private RunsFixture() {}

    /**
     * A resolved config on the committed demo data (20 test images).
     *
     * @param method baseline, kd, at, isrd or tas
     */
    public static RunConfig config(String name, String backbone, int size, String method) {
        String distill = switch (method) {
            case "baseline" -> "";
            case "kd" -> "teacher:\n  config: /nowhere/teacher.yaml\ndistill:\n  kd: {}\n";
            case "at" -> "teacher:\n  config: /nowhere/teacher.yaml\ndistill:\n  at: {}\n";
            case "isrd" -> "teacher:\n  config: /nowhere/teacher.yaml\ndistill:\n  kd: {}\n  isrd: {eta: 50}\n";
            case "tas" -> "teacher:\n  config: /nowhere/teacher.yaml\ndistill:\n  kd: {}\n  isrd: {}\n  feature: {}\ntas: {}\n";
            default -> throw new IllegalArgumentException(method);
        };
        return ConfigLoader.parse("name: " + name + "\ndevice: cpu\ndata:\n  dataset: fashion-mnist\n  path: " + DATA
                + "\n  test_limit: 20\nmodel:\n  backbone: " + backbone + "\n  input_size: " + size
                + "\n  width: 0.125\n  stem: small\n" + distill + "train:\n  epochs: 3\n  seeds: [0, 1]\n", name);
    }

    /**
     * A run folder with config, a summary (status, best and last top-1 with spreads) and
     * metrics.csv: for seeds 0 and 1, {@code epochs} epochs, test top-1 {@code best - (epochs-1-e) - seed}
     * and loss_total {@code 2 - 0.5 e + seed}.
     */
    public static Path run(Path dir, RunConfig config, String status, double best, double bestStd, int epochs) {
        RunFolder folder = RunFolder.at(dir);
        folder.writeConfig(config);
        for (int seed = 0; seed < 2; seed++) {
            for (int e = 0; e < epochs; e++) {
                folder.metrics().append(new MetricsRow(Stage.MODEL, seed, e, 0.05,
                        Map.of("ce", 1.0, "total", 2 - 0.5 * e + seed), 50, best - (epochs - 1 - e) - seed, 99, e, 100, 0.1));
            }
        }
        List<RunSummary.SeedResult> seeds = new ArrayList<>();
        seeds.add(new RunSummary.SeedResult(0, true, epochs, best, epochs - 1, best, 1));
        folder.writeSummary(new RunSummary(config.name(), status, status.equals("failed") ? "out of memory, sorry" : "",
                List.of(Stage.MODEL), Score.TOP1, best, bestStd, best - 1, 0.5, seeds, null));
        return dir;
    }

    /** A cost report with the given MACs and JPEG bytes, the rest derived simply. */
    public static CostReport cost(String backbone, int size, long macs, double jpegBytes) {
        return new CostReport(backbone, size, 1, 10, 0.125, macs / 10, macs, macs * 4, (long) size * size,
                (long) size * size, jpegBytes * 1.5, jpegBytes, 90, 1.0, "jpeg", jpegBytes * 8 / 1e6, macs / 1e9);
    }

    /** Costs without building networks: MACs = 1000 x pixels, JPEG bytes = pixels / 2. */
    public static RunCosts fakeCosts() {
        return new RunCosts(CostModel.defaults(), (spec, key, test) ->
                cost(spec.name(), spec.inputSize(), 1000L * spec.inputSize() * spec.inputSize(),
                        spec.inputSize() * spec.inputSize() / 2.0));
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
