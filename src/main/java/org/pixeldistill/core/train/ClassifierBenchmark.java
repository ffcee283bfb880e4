package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.loop.StepTiming;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.model.BackboneSpec;

/**
 * The step benchmark ({@code bench}) for a classifier config: the training steps as they run in
 * training (data loader, teacher, student, distillers, optimiser); for TAS, the student's stage
 * with its assistant. The teacher keeps its random initial weights: speed does not depend on
 * them, and a benchmark should not train a teacher first. When training would read a teacher
 * cache, so do the timed steps: the cache of the random teacher is recorded (or opened) first,
 * outside the timing, in {@link #CACHE_FOLDER}.
 */
public final class ClassifierBenchmark {
    /** Where the random teachers' caches are kept between benchmarks: keyed by their weights. */
    public static final Path CACHE_FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "pixeldistill-bench-teacher-cache");

    private ClassifierBenchmark() {}

    /** @param messages hears the teacher cache's decision, recording and size */
    public static StepTiming run(RunConfig cfg, int warmup, int steps, TrainingListener messages) {
        GradMode.offOnThisThread();
        Device device = Devices.choose(cfg.device());
        DataSplits data = DataSets.open(cfg.data(), Path.of(""));
        int channels = data.train().channels();
        int classes = data.train().numClasses();
        BackboneSpec spec = BackboneSpec.from(cfg.model(), channels, classes);
        ClassifierRun.checkBuildable("model", spec);
        BackboneSpec teacherSpec = null;
        if (cfg.isDistillation()) {
            RunConfig teacher = TeacherConfigs.of(cfg);
            teacherSpec = BackboneSpec.from(teacher.model(), channels, classes);
            if (cfg.hasTas()) {
                // stage 2 of TAS, the one that runs per student: the assistant is the student's
                // architecture at the teacher's input size
                teacherSpec = spec.withInputSize(teacherSpec.inputSize());
            }
            ClassifierRun.checkBuildable("teacher model", teacherSpec);
        }
        Normalization norm = Normalization.of(cfg.data(), channels);
        int large = teacherSpec == null ? spec.inputSize() : teacherSpec.inputSize();
        TwoViewSampler sampler = new TwoViewSampler(cfg.data(), large, spec.inputSize(), norm.mean(), norm.std());
        try (Network student = Network.create(spec, device, 0, true);
                Network teacher = teacherSpec == null ? null : Network.create(teacherSpec, device, 0, false)) {
            TeacherCache cache = teacher == null ? null : StudentCache.openIfEligible(cfg, teacher,
                    StudentCache.identityOfWeights(teacher), CACHE_FOLDER, data.train(), sampler, messages, () -> false);
            TrainStep step = new TrainStep(student, teacher, cfg.distill(), cfg.train(), cache != null);
            Map<String, Double> sums = new HashMap<>();
            int done = 0;
            int images = 0;
            long start = 0;
            long waitAtStart = 0;
            long waitOfFinishedLoaders = 0;
            int epoch = 0;
            while (done < warmup + steps) {
                try (BatchLoader loader = cache != null
                        ? cache.loader(data.train(), sampler, cfg.train().batchSize(), 0, epoch++, cfg.data().workers())
                        : new BatchLoader(data.train(), sampler, cfg.train().batchSize(), true, 0, epoch++,
                                cfg.data().workers())) {
                    while (loader.hasNext() && done < warmup + steps) {
                        if (done == warmup) {
                            start = System.nanoTime();
                            waitAtStart = waitOfFinishedLoaders + loader.waitNanos();
                        }
                        Batch b = loader.next();
                        step.run(b, 0, cfg.train().lr(), sums);
                        if (done >= warmup) {
                            images += b.count();
                        }
                        done++;
                    }
                    if (done == warmup + steps) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        double wait = (waitOfFinishedLoaders + loader.waitNanos() - waitAtStart) / 1e9;
                        return new StepTiming(images / seconds, wait / seconds, steps, cfg.train().batchSize(), seconds,
                                device.toString(), cache != null, step.threads());
                    }
                    waitOfFinishedLoaders += loader.waitNanos();
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
