package org.pixeldistill.core.pipeline;

import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.detect.DetectionBenchmark;
import org.pixeldistill.core.loop.StepTiming;
import org.pixeldistill.core.train.ClassifierBenchmark;

/**
 * Times the training steps of a config as they run in training, classifier or detector; for TAS,
 * the student's stage with its assistant. Networks keep their random initial weights.
 */
public final class StepBenchmark {
    private StepBenchmark() {}

    /** {@code warmup} untimed steps, then {@code steps} timed ones. */
    public static StepTiming run(RunConfig cfg, int warmup, int steps) {
        return cfg.isDetection() ? DetectionBenchmark.run(cfg, warmup, steps) : ClassifierBenchmark.run(cfg, warmup, steps);
    }
}
