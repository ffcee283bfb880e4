package org.pixeldistill.core.loop;

import java.nio.file.Path;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.Stage;

/**
 * One stage of one seed as the loop runs it, whatever the task.
 *
 * @param initParams weights the network starts from instead of its random initialisation (TAS:
 *     the assistant's), or null
 * @param index 1-based position among all stage runs of the run (for progress)
 * @param total number of stage runs of the run
 */
public record StageRun(Stage stage, int seed, TrainConfig train, Checkpoint checkpoint, MetricsCsv metrics,
        Path initParams, int index, int total) {}
