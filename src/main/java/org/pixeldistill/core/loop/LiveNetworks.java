package org.pixeldistill.core.loop;

import org.pixeldistill.core.run.Stage;

/**
 * The live networks of a stage at the end of an epoch, for listeners that look inside them. What
 * they are is the task's own (a classifier's: {@code org.pixeldistill.core.train.EpochModels}); a
 * listener takes the kind it can inspect and passes over the rest. Valid only during the
 * {@link TrainingListener#onEpochModels} call, on the training thread.
 */
public interface LiveNetworks {
    Stage stage();

    int seed();

    /** 0-based. */
    int epoch();
}
