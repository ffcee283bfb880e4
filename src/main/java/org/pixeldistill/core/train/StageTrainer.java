package org.pixeldistill.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunSummary.SeedResult;

/**
 * Trains one network for one seed: a single model on its own, or a student from a frozen
 * teacher that sees the large view of the same crop. Checkpoints every epoch; resumes from the
 * last one; stops with a one-line reason on a NaN loss.
 */
public final class StageTrainer {
    private final StageSetup s;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public StageTrainer(StageSetup setup, TrainingListener listener, Cancellation cancel) {
        this.s = setup;
        this.listener = listener;
        this.cancel = cancel;
    }

    public SeedResult run() {
        TrainConfig tc = s.config().train();
        Checkpoint.State state = s.checkpoint().state().orElse(null);
        if (state != null && state.finished()) {
            listener.onMessage(s.stage() + " seed " + s.seed() + " already finished; kept as it is");
            return state.result(s.seed());
        }
        try (Network student = Network.create(s.spec(), s.device(), s.seed(), true)) {
            int small = s.spec().inputSize();
            int large = s.teacher() == null ? small : s.teacher().spec().inputSize();
            TwoViewSampler sampler = new TwoViewSampler(s.config().data(), large, small, s.mean(), s.std());
            TrainStep step = new TrainStep(student, s.teacher(), s.config().distill(), tc);
            int start = 0;
            if (state != null) {
                student.load(s.checkpoint().dir().resolve("last.params"), step.blocks().subList(1, step.blocks().size()));
                step.sgd().loadState(student.manager(), s.checkpoint().optimizerState());
                start = state.epochsDone();
                listener.onMessage(s.stage() + " seed " + s.seed() + ": resumed after epoch " + start);
            } else {
                state = new Checkpoint.State(0, Double.NaN, -1, Double.NaN, false, 0);
                if (s.initParams() != null) {
                    student.load(s.initParams(), List.of());
                    listener.onMessage(s.stage() + " seed " + s.seed() + " starts from " + s.initParams());
                }
            }
            s.metrics().truncate(s.stage(), s.seed(), start);
            int batches = (s.data().train().size() + tc.batchSize() - 1) / tc.batchSize();
            listener.onStageStart(new TrainingListener.StageStart(s.stage(), s.seed(), start, tc.epochs(), batches,
                    s.index(), s.total(), s.spec().name() + " at " + small + "x" + small
                            + (s.teacher() == null ? "" : " from " + s.teacher().spec().name() + " at " + large)));
            EpochLoop loop = new EpochLoop(student, step, sampler, batches);
            for (int epoch = start; epoch < tc.epochs(); epoch++) {
                state = loop.epoch(epoch, state);
            }
            state = state.asFinished();
            s.checkpoint().markFinished(state);
            listener.onStageEnd(s.stage(), s.seed(), state.bestTop1(), state.lastTop1());
            return state.result(s.seed());
        }
    }

    /** One epoch's training, evaluation, records and checkpoint. */
    private final class EpochLoop {
        private final Network student;
        private final TrainStep step;
        private final TwoViewSampler sampler;
        private final int batches;
        private final LrSchedule schedule;
        private double secondsPerBatch = Double.NaN;
        private double evalSeconds = 0;

        EpochLoop(Network student, TrainStep step, TwoViewSampler sampler, int batches) {
            this.student = student;
            this.step = step;
            this.sampler = sampler;
            this.batches = batches;
            this.schedule = new LrSchedule(s.config().train());
        }

        Checkpoint.State epoch(int epoch, Checkpoint.State before) {
            TrainConfig tc = s.config().train();
            int workers = s.config().data().workers();
            Map<String, Double> sums = new LinkedHashMap<>();
            long hits = 0;
            int seen = 0;
            double lr = 0;
            long trainStart = System.nanoTime();
            long waitNanos;
            try (BatchLoader loader = new BatchLoader(s.data().train(), sampler, tc.batchSize(), true, s.seed(), epoch, workers)) {
                int batch = 0;
                while (loader.hasNext()) {
                    cancel.throwIfCancelled();
                    Batch b = loader.next();
                    lr = schedule.at(epoch, batch, batches);
                    try {
                        hits += step.run(b, epoch, lr, sums);
                    } catch (TrainingFailedException e) {
                        throw new TrainingFailedException(e.getMessage() + " in stage " + s.stage() + ", seed " + s.seed()
                                + ", epoch " + (epoch + 1) + ", batch " + (batch + 1)
                                + "; lower train.lr or the distillation weights (the last good checkpoint is kept)");
                    }
                    seen += b.count();
                    batch++;
                    double elapsed = (System.nanoTime() - trainStart) / 1e9;
                    secondsPerBatch = elapsed / batch;
                    double left = (batches - batch) * secondsPerBatch
                            + (tc.epochs() - epoch - 1) * (batches * secondsPerBatch + evalSeconds) + evalSeconds;
                    listener.onBatch(new TrainingListener.BatchProgress(s.stage(), s.seed(), epoch, tc.epochs(), batch,
                            batches, sums.getOrDefault("total", 0.0) / batch, seen / elapsed, left));
                }
                waitNanos = loader.waitNanos();
                s.skippedImages().addAndGet(loader.skipped());
            }
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            long evalStart = System.nanoTime();
            Evaluator.Accuracy acc;
            try (BatchLoader test = new BatchLoader(s.data().test(), sampler, Math.max(tc.batchSize(), 64), false, s.seed(),
                    0, workers)) {
                acc = Evaluator.evaluate(student, test, false, cancel);
            }
            evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            int n = batches;
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, v) -> means.put(k, v / n));
            // cumulative over the stage, across resumed sessions
            double wall = before.wallSeconds() + (System.nanoTime() - trainStart) / 1e9;
            MetricsRow row = new MetricsRow(s.stage(), s.seed(), epoch, lr, means, 100.0 * hits / Math.max(1, seen),
                    acc.top1(), acc.top5(), wall, seen / trainSeconds, waitNanos / 1e9 / trainSeconds);
            boolean best = Double.isNaN(before.bestTop1()) || acc.top1() > before.bestTop1();
            Checkpoint.State after = new Checkpoint.State(epoch + 1, best ? acc.top1() : before.bestTop1(),
                    best ? epoch : before.bestEpoch(), acc.top1(), false, wall);
            s.metrics().append(row);
            s.checkpoint().saveLast(step.blocks(), step.sgd().stateBytes(), after, best);
            listener.onEpochModels(new EpochModels(s.stage(), s.seed(), epoch, student, s.teacher(), step.distillers(),
                    sampler, s.data().test()));
            listener.onEpoch(row);
            return after;
        }
    }
}
