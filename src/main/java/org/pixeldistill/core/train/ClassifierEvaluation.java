package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.CheckpointScore;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/** Test top-1 and top-5 of a classifier run's saved networks, on the test split of its data. */
public final class ClassifierEvaluation {
    private ClassifierEvaluation() {}

    /** @param which "best" or "last": the checkpoint file evaluated for each stage and seed that has one */
    public static List<CheckpointScore> evaluate(RunFolder folder, RunConfig cfg, String which, Device device) {
        DataSplits data = DataSets.open(cfg.data(), Path.of(""));
        int channels = data.test().channels();
        BackboneSpec spec = BackboneSpec.from(cfg.model(), channels, data.test().numClasses());
        Normalization norm = Normalization.of(cfg.data(), channels);
        TwoViewSampler sampler = new TwoViewSampler(cfg.data(), spec.inputSize(), spec.inputSize(), norm.mean(), norm.std());
        List<CheckpointScore> results = new ArrayList<>();
        for (Stage stage : List.of(Stage.MODEL, Stage.TEACHER, Stage.STUDENT)) {
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
                    results.add(new CheckpointScore(stage, seed, Score.TOP1, acc.top1(), acc.top5(), acc.images()));
                }
            }
        }
        return results;
    }
}
