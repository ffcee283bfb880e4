package org.pixeldistill.core.pipeline;

import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.detect.DetectionBenchmark;
import org.pixeldistill.core.loop.StepTiming;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.train.ClassifierBenchmark;

/**
 * Times the training steps of a config as they run in training, classifier or detector; for TAS,
 * the student's stage with its assistant. Networks keep their random initial weights.
 */
public final class StepBenchmark {
    private StepBenchmark() {}

    /** {@code warmup} untimed steps, then {@code steps} timed ones. */
    public static StepTiming run(RunConfig cfg, int warmup, int steps) {
        return run(cfg, warmup, steps, new TrainingListener() {});
    }

    /**
     * The same, saying to {@code messages} what training would say before its steps (whether the
     * teacher cache is used, its recording and size: recorded or opened before the timing).
     */
    public static StepTiming run(RunConfig cfg, int warmup, int steps, TrainingListener messages) {
        Check.atLeast("steps", steps, 1); // no measured step: no time to divide by
        Check.atLeast("warmup", warmup, 0);
        return cfg.isDetection() ? DetectionBenchmark.run(cfg, warmup, steps, messages)
                : ClassifierBenchmark.run(cfg, warmup, steps, messages);
    }
}
