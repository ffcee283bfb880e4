package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.detect.ApEvaluatorResult;
import org.pixeldistill.core.detect.DetectionBatch;
import org.pixeldistill.core.detect.DetectionBatches;
import org.pixeldistill.core.detect.DetectionEvaluator;
import org.pixeldistill.core.detect.DetectionSplits;
import org.pixeldistill.core.detect.DetectionStep;
import org.pixeldistill.core.detect.DetectionViews;
import org.pixeldistill.core.detect.DetectorNetwork;
import org.pixeldistill.core.detect.Nms;
import org.pixeldistill.core.model.DetectorSpec;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunSummary.SeedResult;

/**
 * Trains one detector for one seed, as {@link StageTrainer} does a classifier: alone, or from a
 * frozen detector teacher that sees the large view of the same image. Checkpoints every epoch,
 * resumes from the last, stops with a one-line reason on a NaN loss. The score that counts
 * (best and last, in summary.json's top-1 fields) is the test mAP at IoU 0.5, in percent.
 */
public final class DetectionStageTrainer {
    /** Everything one detection stage needs for one seed; {@code teacher} null for a detector alone. */
    public record Setup(String stage, int seed, RunConfig config, DetectorSpec spec, Device device, DetectionSplits data,
            Normalization norm, DetectorNetwork teacher, DetectConfig.Distill distill, Path initParams, Checkpoint checkpoint,
            MetricsCsv metrics, int index, int total) {}

    private final Setup s;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public DetectionStageTrainer(Setup setup, TrainingListener listener, Cancellation cancel) {
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
        float anchorSize = s.config().detect().anchorSize().floatValue();
        try (DetectorNetwork net = DetectorNetwork.create(s.spec(), anchorSize, s.device(), s.seed(), true)) {
            int small = net.inputSize();
            int large = s.teacher() == null ? small : s.teacher().inputSize();
            DetectionViews views = new DetectionViews(large, small, Interpolation.parse(s.config().data().interpolation()),
                    s.norm(), s.config().data().flip());
            DetectionBatches train = new DetectionBatches(s.data().train(), views, s.teacher() != null);
            DetectionBatches test = new DetectionBatches(s.data().test(), views, false);
            DetectionStep step = new DetectionStep(net, s.teacher(), s.distill(), tc);
            int start = 0;
            if (state != null) {
                net.load(s.checkpoint().dir().resolve("last.params"));
                step.sgd().loadState(net.manager(), s.checkpoint().optimizerState());
                start = state.epochsDone();
                listener.onMessage(s.stage() + " seed " + s.seed() + ": resumed after epoch " + start);
            } else {
                state = new Checkpoint.State(0, Double.NaN, -1, Double.NaN, false, 0);
                if (s.initParams() != null) {
                    net.load(s.initParams());
                    listener.onMessage(s.stage() + " seed " + s.seed() + " starts from " + s.initParams());
                }
            }
            s.metrics().truncate(s.stage(), s.seed(), start);
            int size = s.data().train().size();
            int batches = (size + tc.batchSize() - 1) / tc.batchSize();
            listener.onStageStart(new TrainingListener.StageStart(s.stage(), s.seed(), start, tc.epochs(), batches,
                    s.index(), s.total(), "detector " + s.spec().backbone().name() + " at " + small + "x" + small
                            + (s.teacher() == null ? "" : " from a detector at " + large)));
            LrSchedule schedule = new LrSchedule(tc);
            Nms nms = new Nms(s.config().detect().nmsIou().floatValue(), s.config().detect().scoreThreshold().floatValue(), 100);
            double secondsPerBatch;
            double evalSeconds = 0;
            for (int epoch = start; epoch < tc.epochs(); epoch++) {
                Map<String, Double> sums = new LinkedHashMap<>();
                int[] order = DetectionBatches.order(size, s.seed(), epoch);
                long trainStart = System.nanoTime();
                long waitNanos = 0;
                double lr = 0;
                for (int batch = 0; batch < batches; batch++) {
                    cancel.throwIfCancelled();
                    long w0 = System.nanoTime();
                    DetectionBatch b = train.train(order, batch * tc.batchSize(), Math.min(size, (batch + 1) * tc.batchSize()),
                            s.seed(), epoch);
                    waitNanos += System.nanoTime() - w0;
                    lr = schedule.at(epoch, batch, batches);
                    try {
                        step.run(b, lr, sums);
                    } catch (TrainingFailedException e) {
                        throw new TrainingFailedException(e.getMessage() + " in stage " + s.stage() + ", seed " + s.seed()
                                + ", epoch " + (epoch + 1) + ", batch " + (batch + 1)
                                + "; lower train.lr, set train.clip_grad_norm or lower the detect.distill weights"
                                + " (the last good checkpoint is kept)");
                    }
                    double elapsed = (System.nanoTime() - trainStart) / 1e9;
                    secondsPerBatch = elapsed / (batch + 1);
                    double left = (batches - batch - 1) * secondsPerBatch
                            + (tc.epochs() - epoch - 1) * (batches * secondsPerBatch + evalSeconds) + evalSeconds;
                    int seen = Math.min(size, (batch + 1) * tc.batchSize());
                    listener.onBatch(new TrainingListener.BatchProgress(s.stage(), s.seed(), epoch, tc.epochs(), batch + 1,
                            batches, sums.getOrDefault("total", 0.0) / (batch + 1), seen / elapsed, left));
                }
                double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
                long evalStart = System.nanoTime();
                ApEvaluatorResult ap = DetectionEvaluator.evaluate(net, test, s.data().test().size(),
                        Math.max(tc.batchSize(), 32), nms, cancel);
                evalSeconds = (System.nanoTime() - evalStart) / 1e9;
                Map<String, Double> means = new LinkedHashMap<>();
                int n = batches;
                sums.forEach((k, v) -> means.put(k, v / n));
                double map50 = 100 * ap.map50();
                double wall = state.wallSeconds() + trainSeconds + evalSeconds;
                MetricsRow row = new MetricsRow(s.stage(), s.seed(), epoch, lr, means, Double.NaN, map50, Double.NaN,
                        wall, size / trainSeconds, waitNanos / 1e9 / trainSeconds,
                        DetectionEvaluator.scores(ap, s.data().test().classNames()));
                boolean best = Double.isNaN(state.bestTop1()) || map50 > state.bestTop1();
                state = new Checkpoint.State(epoch + 1, best ? map50 : state.bestTop1(), best ? epoch : state.bestEpoch(),
                        map50, false, wall);
                s.metrics().append(row);
                s.checkpoint().saveLast(List.of(net.block()), step.sgd().stateBytes(), state, best);
                listener.onEpoch(row);
            }
            state = state.asFinished();
            s.checkpoint().markFinished(state);
            listener.onStageEnd(s.stage(), s.seed(), state.bestTop1(), state.lastTop1());
            return state.result(s.seed());
        }
    }
}
