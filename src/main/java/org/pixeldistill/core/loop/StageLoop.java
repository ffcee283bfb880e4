package org.pixeldistill.core.loop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunSummary.SeedResult;
import org.pixeldistill.core.util.Texts;

/**
 * Trains one stage for one seed, classifier or detector alike: resumes from the last checkpoint
 * (its epochs counted once), runs the remaining epochs on the learning-rate schedule with a
 * time-left estimate, evaluates and checkpoints every epoch (last, and best by the task's score),
 * stops with a one-line reason on a NaN loss and between batches when cancelled. What differs
 * between the tasks is behind {@link StageTask}.
 */
public final class StageLoop {
    private final StageRun run;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public StageLoop(StageRun run, TrainingListener listener, Cancellation cancel) {
        this.run = run;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** Runs the stage; {@code open} builds the task, only when there is something left to train. */
    public SeedResult run(Supplier<StageTask> open) {
        String who = run.stage() + " seed " + run.seed();
        Checkpoint.State state = run.checkpoint().state().orElse(null);
        if (state != null && state.finished()) {
            listener.onMessage(who + " already finished; kept as it is");
            return state.result(run.seed());
        }
        TrainConfig tc = run.train();
        try (StageTask task = open.get()) {
            int start = 0;
            if (state != null) {
                resume(task);
                start = state.epochsDone();
                listener.onMessage(who + ": resumed after epoch " + start);
            } else {
                state = Checkpoint.State.NONE;
                if (run.initParams() != null) {
                    task.startFrom(run.initParams());
                    listener.onMessage(who + " starts from " + run.initParams());
                }
            }
            run.metrics().truncate(run.stage(), run.seed(), start);
            int batches = (task.trainImages() + tc.batchSize() - 1) / tc.batchSize();
            listener.onStageStart(new TrainingListener.StageStart(run.stage(), run.seed(), start, tc.epochs(), batches,
                    run.index(), run.total(), task.description()));
            Epochs epochs = new Epochs(task, batches);
            for (int epoch = start; epoch < tc.epochs(); epoch++) {
                state = epochs.run(epoch, state);
            }
            state = state.asFinished();
            run.checkpoint().markFinished(state);
            listener.onStageEnd(run.stage(), run.seed(), task.score(), state.bestScore(), state.lastScore());
            return state.result(run.seed());
        }
    }

    /**
     * Loads the last checkpoint. The weights name their file when they do not load; the optimizer
     * state is decoded by the engine, whose errors ("newLimit > capacity" for a truncated file) do
     * not say which file they were reading.
     */
    private void resume(StageTask task) {
        Path optim = run.checkpoint().dir().resolve("last.optim");
        try {
            task.resume(run.checkpoint().dir().resolve("last.params"), run.checkpoint().optimizerState());
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("checkpoint " + optim + " cannot be loaded (damaged, or saved by another"
                    + " network): " + Texts.oneLine(e), e);
        }
    }

    /** One epoch's training, evaluation, records and checkpoint; remembers timings for the estimate. */
    private final class Epochs {
        private final StageTask task;
        private final int batches;
        private final LrSchedule schedule;
        private double evalSeconds = 0;

        Epochs(StageTask task, int batches) {
            this.task = task;
            this.batches = batches;
            this.schedule = new LrSchedule(run.train());
        }

        Checkpoint.State run(int epoch, Checkpoint.State before) {
            int epochs = run.train().epochs();
            Map<String, Double> sums = new LinkedHashMap<>();
            int seen = 0;
            double lr = 0;
            double trainTop1;
            long trainStart = System.nanoTime();
            long waitNanos;
            try (StageTask.EpochSteps steps = task.epoch(epoch)) {
                int batch = 0;
                while (steps.hasNext()) {
                    cancel.throwIfCancelled();
                    lr = schedule.at(epoch, batch, batches);
                    try {
                        seen += steps.step(lr, sums);
                    } catch (TrainingFailedException e) {
                        throw new TrainingFailedException(e.getMessage() + " in stage " + run.stage() + ", seed "
                                + run.seed() + ", epoch " + (epoch + 1) + ", batch " + (batch + 1) + "; "
                                + task.divergenceAdvice() + " (the last good checkpoint is kept)");
                    }
                    batch++;
                    double elapsed = (System.nanoTime() - trainStart) / 1e9;
                    double secondsPerBatch = elapsed / batch;
                    double left = (batches - batch) * secondsPerBatch
                            + (epochs - epoch - 1) * (batches * secondsPerBatch + evalSeconds) + evalSeconds;
                    listener.onBatch(new TrainingListener.BatchProgress(run.stage(), run.seed(), epoch, epochs, batch,
                            batches, sums.getOrDefault("total", 0.0) / batch, seen / elapsed, left));
                }
                waitNanos = steps.waitNanos();
                trainTop1 = steps.trainTop1();
            }
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            long evalStart = System.nanoTime();
            StageTask.Evaluation test = task.evaluate(cancel);
            evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, v) -> means.put(k, v / batches));
            // cumulative over the stage, across resumed sessions
            double wall = before.wallSeconds() + (System.nanoTime() - trainStart) / 1e9;
            MetricsRow row = new MetricsRow(run.stage(), run.seed(), epoch, lr, means, task.score(), test.score(),
                    trainTop1, test.top5(), wall, seen / trainSeconds, waitNanos / 1e9 / trainSeconds, test.scores());
            boolean best = before.isBeatenBy(test.score());
            Checkpoint.State after = before.after(epoch, test.score(), wall);
            run.metrics().append(row);
            run.checkpoint().saveLast(task.savedBlocks(), task.optimizerState(), after, best);
            task.epochDone(run.stage(), run.seed(), epoch, listener);
            listener.onEpoch(row);
            return after;
        }
    }
}
