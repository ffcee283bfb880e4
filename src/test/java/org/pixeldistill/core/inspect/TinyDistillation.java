package org.pixeldistill.core.inspect;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.train.EpochModels;
import org.pixeldistill.core.train.Network;
import org.pixeldistill.core.train.TrainStep;

/**
 * A real but tiny distillation for inspection tests: a ResNet-18 x0.125 teacher at 14x14 and a
 * student at 7x7 (or any backbone), kd + isrd, trained for a few batches of the committed
 * Fashion-MNIST slice. Builds the networks directly instead of going through RunPipeline (seconds).
 */
public final class TinyDistillation implements AutoCloseable {
    static final String DATA = Path.of("assets/fashion-mnist").toAbsolutePath().toString();

    public final RunConfig config;
    public final DataSplits data;
    public final Normalization norm;
    public final Network teacher;
    public final Network student;
    public final TrainStep step;
    public final TwoViewSampler sampler;

    /** @param studentBackbone e.g. "resnet18"; @param distill the YAML distill entries, e.g. "kd: {}\n  isrd: {}" */
    public TinyDistillation(String studentBackbone, String distill, int trainBatches) {
        config = ConfigLoader.parse("name: tiny\nteacher:\n  config: teacher.yaml\ndata:\n  dataset: fashion-mnist\n  path: " + DATA
                + "\n  train_limit: 300\n  test_limit: 100\n  crop: pad\n  pad: 2\n  flip: false\n  interpolation: area\n"
                + "  workers: 1\ndistill:\n  " + distill + "\ntrain:\n  epochs: 1\n  batch_size: 32\n  lr: 0.05\n", "tiny");
        data = DataSets.open(config.data(), Path.of(""));
        norm = Normalization.of(config.data(), 1);
        teacher = Network.create(new BackboneSpec("resnet18", 14, 1, 10, 0.125, "small", 0), Device.cpu(), 0, false);
        student = Network.create(new BackboneSpec(studentBackbone, 7, 1, 10, 0.125, "small", 0), Device.cpu(), 1, true);
        step = new TrainStep(student, teacher, config.distill(), config.train());
        sampler = new TwoViewSampler(config.data(), 14, 7, norm.mean(), norm.std());
        Map<String, Double> sums = new TreeMap<>();
        try (BatchLoader loader = new BatchLoader(data.train(), sampler, 32, true, 0, 0, 1)) {
            for (int b = 0; b < trainBatches && loader.hasNext(); b++) {
                step.run(loader.next(), 0, 0.05, sums);
            }
        }
    }

    /** What the training loop hands its listeners after an epoch. */
    public EpochModels models(int epoch) {
        return new EpochModels(Stage.STUDENT, 0, epoch, student, teacher, step.distillers(), sampler, data.test());
    }

    /** The same networks as a stage without distillers (no ISRD decoder to show). */
    public EpochModels withoutDistillers() {
        return new EpochModels(Stage.STUDENT, 0, 0, student, teacher, List.of(), sampler, data.test());
    }

    @Override
    public void close() {
        student.close();
        teacher.close();
    }
}
