package org.pixeldistill.core.train;

import ai.djl.Device;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.run.MetricsCsv;

/**
 * Everything one stage needs for one seed.
 *
 * @param stage "model" (a single network), "teacher" or "student"
 * @param teacher the frozen network distilled from (teacher or TAS assistant), or null
 * @param initParams weights the network starts from instead of its random initialisation (TAS:
 *     the assistant's), or null
 * @param index 1-based position among all stage runs of the run (for progress)
 * @param total number of stage runs of the run
 * @param skippedImages counts images that did not decode (skipped, reported in the summary)
 */
public record StageSetup(
        String stage,
        int seed,
        RunConfig config,
        BackboneSpec spec,
        Device device,
        DataSplits data,
        float[] mean,
        float[] std,
        Network teacher,
        java.nio.file.Path initParams,
        Checkpoint checkpoint,
        MetricsCsv metrics,
        int index,
        int total,
        java.util.concurrent.atomic.AtomicInteger skippedImages) {}
