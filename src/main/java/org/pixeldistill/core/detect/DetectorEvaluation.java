package org.pixeldistill.core.detect;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.CheckpointScore;
import org.pixeldistill.core.model.DetectorSpec;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/** Test mAP50 and COCO mAP of a detector run's saved networks, on the test split of its data. */
public final class DetectorEvaluation {
    private DetectorEvaluation() {}

    /** @param which "best" or "last": the checkpoint file evaluated for each stage and seed that has one */
    public static List<CheckpointScore> evaluate(RunFolder folder, RunConfig cfg, String which, Device device) {
        DetectionSplits data = DetectionDataSets.open(cfg.data(), cfg.detect());
        int channels = data.test().channels();
        DetectorSpec spec = DetectorSpecs.of(cfg, channels, data.test().numClasses());
        int size = spec.backbone().inputSize();
        DetectionViews views = new DetectionViews(size, size, Interpolation.parse(cfg.data().interpolation()),
                Normalization.of(cfg.data(), channels), false);
        DetectionBatches test = new DetectionBatches(data.test(), views, false);
        Nms nms = new Nms(cfg.detect().nmsIou().floatValue(), cfg.detect().scoreThreshold().floatValue(), 100);
        List<CheckpointScore> results = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (int seed : cfg.train().seeds()) {
                Path params = folder.checkpointDir(stage, seed).resolve(which + ".params");
                if (!Files.isRegularFile(params)) {
                    continue;
                }
                try (DetectorNetwork net = DetectorNetwork.create(spec, cfg.detect().anchorSize().floatValue(), device,
                        seed, false)) {
                    net.load(params);
                    ApEvaluatorResult ap = DetectionEvaluator.evaluate(net, test, data.test().size(), 32, nms,
                            new Cancellation());
                    results.add(new CheckpointScore(stage, seed, Score.MAP50, 100 * ap.map50(), 100 * ap.map(),
                            data.test().size()));
                }
            }
        }
        return results;
    }
}
