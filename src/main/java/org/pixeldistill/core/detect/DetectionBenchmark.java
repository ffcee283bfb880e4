package org.pixeldistill.core.detect;

import ai.djl.Device;
import java.util.HashMap;
import java.util.Map;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.loop.StepTiming;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * The step benchmark ({@code bench}) for a detector config: the training step as it runs (scene or
 * image preparation, teacher on the large view, student, losses, optimiser); for TAS, the
 * student's stage with its AFP assistant. Networks keep their initial weights: speed does not depend on them.
 */
public final class DetectionBenchmark {
    private DetectionBenchmark() {}

    public static StepTiming run(RunConfig cfg, int warmup, int steps) {
        return run(cfg, warmup, steps, new TrainingListener() {});
    }

    /**
     * The same, saying to {@code messages} whether the teacher cache is used and, when it is,
     * recording (or opening) the random teacher's cache before the timing, as a run does before
     * its first seed; the timed steps then read it, as training does.
     */
    public static StepTiming run(RunConfig cfg, int warmup, int steps, TrainingListener messages) {
        GradMode.offOnThisThread();
        Device device = Devices.choose(cfg.device());
        DetectionSplits data = DetectionDataSets.open(cfg.data(), cfg.detect());
        int channels = data.train().channels();
        int classes = data.train().numClasses();
        DetectorSpec spec = DetectorSpecs.of(cfg, channels, classes);
        DetectorSpec teacherSpec = null;
        float teacherAnchors = cfg.detect().anchorSize().floatValue();
        if (cfg.isDistillation()) {
            RunConfig teacher = TeacherConfigs.of(cfg);
            teacherSpec = DetectorSpecs.of(cfg.hasTas() ? DetectorPairing.assistantBase(cfg, teacher)
                    .withModel(cfg.model().withInputSize(teacher.model().inputSize())) : teacher, channels, classes);
            teacherAnchors = (cfg.hasTas() ? cfg : teacher).detect().anchorSize().floatValue();
        }
        Normalization norm = Normalization.of(cfg.data(), channels);
        int small = spec.backbone().inputSize();
        int large = teacherSpec == null ? small : teacherSpec.backbone().inputSize();
        DetectionViews views = DetectionStage.views(cfg, norm, small, large);
        float anchorSize = cfg.detect().anchorSize().floatValue();
        try (DetectorNetwork student = DetectorNetwork.create(spec, anchorSize, device, 0, true);
                DetectorNetwork teacher = teacherSpec == null ? null
                        : DetectorNetwork.create(teacherSpec, teacherAnchors, device, 0, false)) {
            DetectConfig.Distill distill = teacher == null ? null : DetectorPairing.distill(cfg, spec, teacher.spec());
            DetectionCache.Opened cache = teacher == null ? null : DetectionCache.openIfEligible(cfg, distill, teacher,
                    DetectionCache.identityInMemory(teacher), DetectionCache.BENCH_FOLDER, data.train(), views, messages,
                    () -> false);
            DetectionBatches batches = new DetectionBatches(data.train(), views, teacherSpec != null && cache == null);
            DetectionStep step = new DetectionStep(student, teacher, distill, cfg.train(),
                    cache == null ? null : cache.layout());
            int size = data.train().size();
            int batch = cfg.train().batchSize();
            Map<String, Double> sums = new HashMap<>();
            long start = 0;
            long wait = 0;
            int images = 0;
            for (int done = 0, epoch = 0; done < warmup + steps; epoch++) {
                int[] order = DetectionBatches.order(size, 0, epoch);
                for (int from = 0; from < size && done < warmup + steps; from += batch, done++) {
                    if (done == warmup) {
                        start = System.nanoTime();
                        wait = 0;
                    }
                    long w0 = System.nanoTime();
                    int to = Math.min(size, from + batch);
                    int count;
                    if (cache != null) {
                        DetectionBatches.Cached c = batches.cached(order, from, to, cache.cache(), 0, epoch);
                        wait += System.nanoTime() - w0;
                        step.run(c, cfg.train().lr(), sums);
                        count = c.batch().count();
                    } else {
                        DetectionBatch b = batches.train(order, from, to, 0, epoch);
                        wait += System.nanoTime() - w0;
                        step.run(b, cfg.train().lr(), sums);
                        count = b.count();
                    }
                    if (done >= warmup) {
                        images += count;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new StepTiming(images / seconds, wait / 1e9 / seconds, steps, batch, seconds, device.toString(),
                    cache != null, step.threads());
        }
    }
}
