package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.run.RunFolder;

/** Re-evaluates the saved networks of a run folder on the test split of its data. */
public final class RunEvaluation {
    /**
     * One saved network's test score. For a detector {@code top1} is its mAP at IoU 0.5 and
     * {@code top5} its COCO mAP over IoU 0.5:0.95, both in percent ({@code detector} true).
     */
    public record Result(String stage, int seed, double top1, double top5, int images, boolean detector) {
        public Result(String stage, int seed, double top1, double top5, int images) {
            this(stage, seed, top1, top5, images, false);
        }
    }

    private RunEvaluation() {}

    /** @param which "best" or "last" */
    public static List<Result> evaluate(RunFolder folder, String which) {
        if (!which.equals("best") && !which.equals("last")) {
            throw new ConfigException("--checkpoint must be best or last, got '" + which + "'");
        }
        GradMode.offOnThisThread();
        RunConfig cfg = folder.readConfig();
        Device device = Devices.choose(cfg.device());
        if (cfg.isDetection()) {
            return detectors(folder, cfg, which, device);
        }
        DataSplits data = DataSets.open(cfg.data(), Path.of(""));
        int channels = data.test().channels();
        BackboneSpec spec = cfg.model().spec(channels, data.test().numClasses());
        Normalization norm = Normalization.of(cfg.data(), channels);
        TwoViewSampler sampler = new TwoViewSampler(cfg.data(), spec.inputSize(), spec.inputSize(), norm.mean(), norm.std());
        List<Result> results = new ArrayList<>();
        for (String stage : List.of("model", "teacher", "student")) {
            for (int seed : cfg.train().seeds()) {
                Path params = folder.checkpointDir(stage, seed).resolve(which + ".params");
                if (!Files.isRegularFile(params)) {
                    continue;
                }
                try (Network net = Network.create(spec, device, seed, false);
                        BatchLoader loader = new BatchLoader(data.test(), sampler, 128, false, seed, 0,
                                cfg.data().workers())) {
                    // distillers' blocks follow the network in the file; only the network is read
                    net.load(params, List.of());
                    Evaluator.Accuracy acc = Evaluator.evaluate(net, loader, false, new Cancellation());
                    results.add(new Result(stage, seed, acc.top1(), acc.top5(), acc.images()));
                }
            }
        }
        if (results.isEmpty()) {
            throw new ConfigException("run " + folder.dir() + " has no " + which + ".params checkpoint yet");
        }
        return results;
    }

    private static List<Result> detectors(RunFolder folder, RunConfig cfg, String which, Device device) {
        var data = org.pixeldistill.core.detect.DetectionDataSets.open(cfg.data(), cfg.detect());
        int channels = data.test().channels();
        var spec = DetectionRun.spec(cfg, channels, data.test().numClasses());
        int size = spec.backbone().inputSize();
        var views = new org.pixeldistill.core.detect.DetectionViews(size, size,
                org.pixeldistill.core.data.Interpolation.parse(cfg.data().interpolation()),
                Normalization.of(cfg.data(), channels), false);
        var test = new org.pixeldistill.core.detect.DetectionBatches(data.test(), views, false);
        var nms = new org.pixeldistill.core.detect.Nms(cfg.detect().nmsIou().floatValue(),
                cfg.detect().scoreThreshold().floatValue(), 100);
        List<Result> results = new ArrayList<>();
        for (String stage : List.of("model", "teacher", "assistant", "student")) {
            for (int seed : cfg.train().seeds()) {
                Path params = folder.checkpointDir(stage, seed).resolve(which + ".params");
                if (!Files.isRegularFile(params)) {
                    continue;
                }
                try (var net = org.pixeldistill.core.detect.DetectorNetwork.create(spec,
                        cfg.detect().anchorSize().floatValue(), device, seed, false)) {
                    net.load(params);
                    var ap = org.pixeldistill.core.detect.DetectionEvaluator.evaluate(net, test, data.test().size(), 32,
                            nms, new Cancellation());
                    results.add(new Result(stage, seed, 100 * ap.map50(), 100 * ap.map(), data.test().size(), true));
                }
            }
        }
        if (results.isEmpty()) {
            throw new ConfigException("run " + folder.dir() + " has no " + which + ".params checkpoint yet");
        }
        return results;
    }
}
