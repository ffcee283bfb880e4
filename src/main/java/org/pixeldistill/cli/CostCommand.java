package org.pixeldistill.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.ModelConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.detect.DetectionDataSets;
import org.pixeldistill.core.detect.DetectionImages;
import org.pixeldistill.core.detect.DetectionSplits;
import org.pixeldistill.core.detect.DetectorSpecs;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.util.BundledFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cost}: parameters, MACs, activation memory, pixels, bytes and transmission time of one
 * backbone at one input size (or of a config's student and teacher), as a table or one JSON object.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Count what a network and its input size cost: parameters, MACs, memory, pixels, bytes, "
                + "transmission time and a weighted total. Either --backbone with --size, or --config.")
final class CostCommand implements Callable<Integer> {
    /** Options that describe the network and data by hand, which a config describes itself. */
    private static final List<String> BY_HAND =
            List.of("--backbone", "--size", "--classes", "--channels", "--width", "--stem", "--patch-size", "--data",
                    "--dataset");

    /** Far above any data set here (CUB 200, VOC 20, COCO 80), far below what would not fit a head in memory. */
    static final int MAX_CLASSES = 100_000;
    /** Grey, RGB, RGBA and a few more. */
    static final int MAX_CHANNELS = 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--backbone", description = "resnet18 | resnet34 | resnet50 | mobilenet_v2 | vit_tiny | vit_small")
    String backbone;
    @Option(names = "--size", description = "input side in pixels, 1 to " + ModelConfig.MAX_INPUT_SIZE)
    Integer size;
    @Option(names = "--classes", description = "output classes (default: ${DEFAULT-VALUE})")
    int classes = 10;
    @Option(names = "--channels", description = "input channels (default: the data set's)")
    Integer channels;
    @Option(names = "--width", description = "width multiplier (default: ${DEFAULT-VALUE})")
    double width = 1.0;
    @Option(names = "--stem", description = "auto | imagenet | half | small (default: ${DEFAULT-VALUE})")
    String stem = "auto";
    @Option(names = "--patch-size", description = "ViT patch size, 0 = fit the input (default: ${DEFAULT-VALUE})")
    int patchSize = 0;
    @Option(names = "--data", description = "data set folder whose test images are measured (default: the demo,"
            + " assets/fashion-mnist here or the bundled copy)")
    Path data;
    @Option(names = "--dataset", description = "fashion-mnist | cub | image-folder (default: ${DEFAULT-VALUE})")
    String dataset = "fashion-mnist";

    @Option(names = "--config", description = "run config (YAML): its model and data, and its teacher's model if any")
    Path config;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override any config key (with --config)")
    List<String> overrides = new ArrayList<>();

    @Mixin
    CostOptions costs = new CostOptions();

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() {
        CostModel model = costs.model();
        Map<String, CostReport> reports = config != null ? fromConfig(model) : fromOptions(model);
        if (json) {
            CostReport only = reports.size() == 1 ? reports.values().iterator().next() : null;
            System.out.println(only != null ? only.toJson() : CostReport.toJson(reports));
        } else {
            printTable(reports);
        }
        return 0;
    }

    private Map<String, CostReport> fromOptions(CostModel model) {
        if (backbone == null || size == null) {
            throw new ConfigException("cost needs --backbone NAME and --size N, or --config FILE");
        }
        if (!overrides.isEmpty()) {
            throw new ConfigException("--set works with --config; with --backbone give the options themselves");
        }
        checkOptions();
        Path root = (data != null ? data : BundledFiles.demoDataFrom(Path.of(""))).toAbsolutePath().normalize();
        DataConfig dataConfig = new DataConfig(dataset, root.toString(), null, null, null, null, null, null, null, null,
                null, null, null, null);
        ImageDataset test = DataSets.open(dataConfig, root).test();
        BackboneSpec net = new BackboneSpec(backbone, size, channels != null ? channels : test.channels(), classes,
                width, stem, patchSize);
        return Map.of("model", model.evaluate(net, CostModel.datasetKey(dataConfig), () -> test));
    }

    /** The network options within what a config allows, checked before anything is built. */
    private void checkOptions() {
        Check.range("--size", size, 1, ModelConfig.MAX_INPUT_SIZE);
        Check.range("--classes", classes, 1, MAX_CLASSES);
        if (channels != null) {
            Check.range("--channels", channels, 1, MAX_CHANNELS);
        }
        Check.range("--width", width, 0.05, 4.0);
        Check.oneOf("--stem", stem, ModelConfig.STEMS);
        Check.range("--patch-size", patchSize, 0, size);
    }

    private Map<String, CostReport> fromConfig(CostModel model) {
        for (String option : BY_HAND) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ConfigException(option + " describes the model by hand; with --config use"
                        + " --set model.<key>=<value> or data.<key>=<value>");
            }
        }
        config = ConfigFiles.find(config);
        RunConfig cfg = ConfigLoader.load(config, overrides);
        if (cfg.isDetection()) {
            return detectorCosts(model, cfg);
        }
        ImageDataset test = DataSets.open(cfg.data(), ConfigLoader.baseDir(config)).test();
        String key = CostModel.datasetKey(cfg.data());
        Map<String, CostReport> reports = new LinkedHashMap<>();
        BackboneSpec student = BackboneSpec.from(cfg.model(), test.channels(), test.numClasses());
        reports.put("student", model.evaluate(student, key, () -> test));
        if (cfg.teacher() != null) {
            BackboneSpec teacher = BackboneSpec.from(TeacherConfigs.of(cfg).model(), test.channels(), test.numClasses());
            reports.put("teacher", model.evaluate(teacher, key, () -> test));
        }
        return reports;
    }

    /** A detector's costs (backbone, pyramid and heads at the input size) and its teacher's. */
    private static Map<String, CostReport> detectorCosts(CostModel model, RunConfig cfg) {
        DetectionSplits data =
                DetectionDataSets.open(cfg.data(), cfg.detect());
        ImageDataset test = new DetectionImages(data.test());
        String key = CostModel.datasetKey(cfg.data()) + ":canvas" + cfg.detect().canvas();
        Map<String, CostReport> reports = new LinkedHashMap<>();
        reports.put("student", model.evaluate(DetectorSpecs.of(cfg, test.channels(),
                test.numClasses()), key, () -> test));
        if (cfg.teacher() != null) {
            RunConfig teacher = TeacherConfigs.of(cfg);
            reports.put("teacher", model.evaluate(DetectorSpecs.of(teacher, test.channels(),
                    test.numClasses()), key, () -> test));
        }
        return reports;
    }

    private static void printTable(Map<String, CostReport> reports) {
        List<CostReport> columns = new ArrayList<>(reports.values());
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("quantity"));
        header.addAll(reports.size() == 1 ? List.of("value") : reports.keySet());
        header.add("unit");
        rows.add(header.toArray(new String[0]));
        String[][] names = {
            {"backbone", ""}, {"input_size", "px"}, {"channels", ""}, {"classes", ""}, {"width", "x"},
            {"params", ""}, {"macs", "MAC/image"}, {"activation_bytes", "B (estimate)"}, {"pixels", "px/image"},
            {"bytes_raw", "B/image"}, {"bytes_png", "B/image (mean)"}, {"bytes_jpeg", "B/image (mean)"},
            {"jpeg_quality", ""}, {"bandwidth_mbps", "Mbit/s"}, {"encoding", "(sent)"}, {"transmit_seconds", "s/image"},
            {"weighted_total", ""}
        };
        for (String[] name : names) {
            List<String> row = new ArrayList<>(List.of(name[0]));
            for (CostReport r : columns) {
                row.add(value(r, name[0]));
            }
            row.add(name[1]);
            rows.add(row.toArray(new String[0]));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean text = i == 0 || i == row.length - 1;
                line.append(String.format(Locale.ROOT, text ? "%-" + widths[i] + "s" : "%" + widths[i] + "s", row[i]));
                line.append(i < row.length - 1 ? "  " : "");
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    private static String value(CostReport r, String name) {
        return switch (name) {
            case "backbone" -> r.backbone();
            case "input_size" -> Integer.toString(r.inputSize());
            case "channels" -> Integer.toString(r.channels());
            case "classes" -> Integer.toString(r.classes());
            case "width" -> plain(r.width());
            case "params" -> String.format(Locale.ROOT, "%,d", r.params());
            case "macs" -> String.format(Locale.ROOT, "%,d", r.macs());
            case "activation_bytes" -> String.format(Locale.ROOT, "%,d", r.activationBytes());
            case "pixels" -> String.format(Locale.ROOT, "%,d", r.pixels());
            case "bytes_raw" -> String.format(Locale.ROOT, "%,d", r.bytesRaw());
            case "bytes_png" -> String.format(Locale.ROOT, "%,.1f", r.bytesPng());
            case "bytes_jpeg" -> String.format(Locale.ROOT, "%,.1f", r.bytesJpeg());
            case "jpeg_quality" -> Integer.toString(r.jpegQuality());
            case "bandwidth_mbps" -> plain(r.bandwidthMbps());
            case "encoding" -> r.encoding();
            case "transmit_seconds" -> String.format(Locale.ROOT, "%.4g", r.transmitSeconds());
            case "weighted_total" -> String.format(Locale.ROOT, "%.4g", r.weightedTotal());
            default -> throw new IllegalStateException(name);
        };
    }

    /** A setting as the user wrote it: 0.25, 1, 2.5 (no padding zeros). */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
