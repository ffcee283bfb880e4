package org.pixeldistill.core.loop;

import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * The single way progress leaves the training loop: console progress, run records and GUI charts
 * are all listeners. Called on the training thread; implementations must return quickly.
 */
public interface TrainingListener {
    /** A stage (teacher, student, ...) begins or resumes for one seed. */
    default void onStageStart(StageStart start) {}

    default void onBatch(BatchProgress progress) {}

    /** An epoch finished and was evaluated and checkpointed. */
    default void onEpoch(MetricsRow row) {}

    /**
     * After each epoch's evaluation, before {@link #onEpoch}: the live networks, for inspection.
     * Runs on the training thread and delays training while it runs: keep it to a few images.
     */
    default void onEpochModels(LiveNetworks models) {}

    /** A stage of one seed finished: its best and last test {@code score} (top-1 or mAP50), in percent. */
    default void onStageEnd(Stage stage, int seed, Score score, double best, double last) {}

    /** A line worth showing the user (teacher reused, resumed from epoch n, ...). */
    default void onMessage(String message) {}

    /**
     * @param index 1-based position of this stage run among all the run will do
     * @param total number of stage runs (stages x seeds)
     */
    record StageStart(Stage stage, int seed, int startEpoch, int epochs, int batchesPerEpoch, int index, int total,
            String description) {}

    /** @param secondsLeft estimate for the rest of this stage (training and evaluation) */
    record BatchProgress(Stage stage, int seed, int epoch, int epochs, int batch, int batches, double loss,
            double imagesPerSecond, double secondsLeft) {}

    /** Sends every event to each of several listeners. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void onStageStart(StageStart start) {
                for (TrainingListener l : listeners) l.onStageStart(start);
            }

            @Override
            public void onBatch(BatchProgress progress) {
                for (TrainingListener l : listeners) l.onBatch(progress);
            }

            @Override
            public void onEpoch(MetricsRow row) {
                for (TrainingListener l : listeners) l.onEpoch(row);
            }

            @Override
            public void onEpochModels(LiveNetworks models) {
                for (TrainingListener l : listeners) l.onEpochModels(models);
            }

            @Override
            public void onStageEnd(Stage stage, int seed, Score score, double best, double last) {
                for (TrainingListener l : listeners) l.onStageEnd(stage, seed, score, best, last);
            }

            @Override
            public void onMessage(String message) {
                for (TrainingListener l : listeners) l.onMessage(message);
            }
        };
    }
}
