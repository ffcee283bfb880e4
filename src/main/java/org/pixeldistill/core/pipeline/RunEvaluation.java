package org.pixeldistill.core.pipeline;

import ai.djl.Device;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.detect.DetectorEvaluation;
import org.pixeldistill.core.loop.CheckpointScore;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.train.ClassifierEvaluation;

/** Re-evaluates the saved networks of a run folder on the test split of its data. */
public final class RunEvaluation {
    private RunEvaluation() {}

    /** @param which "best" or "last" */
    public static List<CheckpointScore> evaluate(RunFolder folder, String which) {
        if (!which.equals("best") && !which.equals("last")) {
            throw new ConfigException("--checkpoint must be best or last, got '" + which + "'");
        }
        GradMode.offOnThisThread();
        RunConfig cfg = folder.readConfig();
        Device device = Devices.choose(cfg.device());
        List<CheckpointScore> results = cfg.isDetection() ? DetectorEvaluation.evaluate(folder, cfg, which, device)
                : ClassifierEvaluation.evaluate(folder, cfg, which, device);
        if (results.isEmpty()) {
            throw new ConfigException("run " + folder.dir() + " has no " + which + ".params checkpoint yet");
        }
        return results;
    }
}
