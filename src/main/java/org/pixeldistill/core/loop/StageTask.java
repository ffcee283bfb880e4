package org.pixeldistill.core.loop;

import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * What one stage trains, as {@link StageLoop} sees it: the part that differs between a classifier
 * and a detector (its network and step, how batches are made, how it is scored on the test split).
 * Everything else (resume, epochs, schedule, time left, checkpoints, NaN stop, cancellation,
 * listeners) is the loop's. Opened for one stage and seed, closed when the stage ends.
 */
public interface StageTask extends AutoCloseable {
    /** Images in one training epoch (the loop makes {@code ceil(images / batch size)} steps of it). */
    int trainImages();

    /** The score that picks the best epoch: top-1 for a classifier, mAP50 for a detector. */
    Score score();

    /** The stage-start line: "resnet18 at 7x7 from resnet50 at 28". */
    String description();

    /** How a one-line NaN message ends: what the user can lower or set. */
    String divergenceAdvice();

    /**
     * Continues from a checkpoint: last.params or best.params (network, then its trained-along
     * blocks) and the optimiser state, null for momentum from zero.
     */
    void resume(Path lastParams, byte[] optimizerState);

    /** Starts from another network's weights (TAS: the assistant's) instead of its random ones. */
    void startFrom(Path params);

    /** The batches of one training epoch, in that epoch's order. */
    EpochSteps epoch(int epoch);

    /** Scores the network on the test split; {@code cancel} is checked between batches. */
    Evaluation evaluate(Cancellation cancel);

    /** The blocks last.params and best.params hold, in order. */
    List<Block> savedBlocks();

    /** The optimiser's state (momentum buffers) for last.optim. */
    byte[] optimizerState();

    /**
     * After an epoch is recorded and checkpointed, before the listeners hear of it: a task with
     * live networks worth inspecting hands them to {@link TrainingListener#onEpochModels}.
     */
    default void epochDone(Stage stage, int seed, int epoch, TrainingListener listener) {}

    @Override
    void close();

    /** One training epoch, one batch at a time. */
    interface EpochSteps extends AutoCloseable {
        boolean hasNext();

        /**
         * Trains on the next batch at learning rate {@code lr} and adds each loss term (and "total")
         * to {@code sums}.
         *
         * @return the number of images the batch held
         * @throws TrainingFailedException when the loss is not finite (nothing is updated then)
         */
        int step(double lr, Map<String, Double> sums);

        /** Nanoseconds the training thread has waited for batches so far in this epoch. */
        long waitNanos();

        /** Top-1 on this epoch's training batches so far in percent; NaN for a task without one. */
        default double trainTop1() {
            return Double.NaN;
        }

        @Override
        void close();
    }

    /**
     * A test evaluation: {@code score} is the one that picks the best epoch (the task's
     * {@link StageTask#score()}, in percent); {@code top5} is a classifier's top-5 (NaN otherwise); {@code scores} are further
     * named scores recorded beside it (a detector's mAPs and per-class AP).
     */
    record Evaluation(double score, double top5, Map<String, Double> scores) {}
}
