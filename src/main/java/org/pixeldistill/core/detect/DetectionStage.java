package org.pixeldistill.core.detect;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.StageTask;
import org.pixeldistill.core.model.DetectorSpec;
import org.pixeldistill.core.run.Score;

/**
 * A detector's stage for the shared loop: alone, or from a frozen detector teacher that sees the
 * large view of the same image. The score that counts (best and last) is the test mAP at IoU 0.5,
 * in percent; COCO mAP and per-class AP are recorded beside it.
 */
final class DetectionStage implements StageTask {
    private final RunConfig config;
    private final int seed;
    private final DetectionSplits data;
    private final DetectorNetwork teacher;
    private final DetectorNetwork net;
    private final DetectionBatches train;
    private final DetectionBatches test;
    private final DetectionStep step;
    private final Nms nms;
    private final DetectionCache.Opened cache;

    /**
     * @param teacher the frozen detector distilled from, or null for a detector alone
     * @param distill the student's checked distillation settings (ignored without a teacher)
     * @param cache the teacher's recorded outputs the student reads instead of running it, or null
     */
    DetectionStage(RunConfig config, int seed, DetectorSpec spec, Device device, DetectionSplits data,
            Normalization norm, DetectorNetwork teacher, DetectConfig.Distill distill, DetectionCache.Opened cache) {
        this.config = config;
        this.seed = seed;
        this.data = data;
        this.teacher = teacher;
        this.cache = teacher == null ? null : cache;
        this.net = DetectorNetwork.create(spec, config.detect().anchorSize().floatValue(), device, seed, true);
        try {
            int small = net.inputSize();
            DetectionViews views = views(config, norm, small, teacher == null ? small : teacher.inputSize());
            // from a cache the large view is not needed: the teacher does not run
            this.train = new DetectionBatches(data.train(), views, teacher != null && this.cache == null);
            this.test = new DetectionBatches(data.test(), views, false);
            this.step = new DetectionStep(net, teacher, distill, config.train(),
                    this.cache == null ? null : this.cache.layout());
            this.nms = new Nms(config.detect().nmsIou().floatValue(), config.detect().scoreThreshold().floatValue(), 100);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** A run's training and test views: the student's at {@code small}, its teacher's at {@code large}. */
    static DetectionViews views(RunConfig config, Normalization norm, int small, int large) {
        return new DetectionViews(large, small, Interpolation.parse(config.data().interpolation()), norm,
                config.data().flip());
    }

    @Override
    public int trainImages() {
        return data.train().size();
    }

    @Override
    public Score score() {
        return Score.MAP50;
    }

    @Override
    public String description() {
        int small = net.inputSize();
        return "detector " + net.spec().backbone().name() + " at " + small + "x" + small
                + (teacher == null ? "" : " from a detector at " + teacher.inputSize()
                        + (cache == null ? "" : " (its outputs from the teacher cache)"));
    }

    @Override
    public String divergenceAdvice() {
        return "lower train.lr, set train.clip_grad_norm or lower the detect.distill weights";
    }

    @Override
    public void resume(Path lastParams, byte[] optimizerState) {
        net.load(lastParams);
        if (optimizerState != null) { // null: momentum starts from zero (its file was damaged)
            step.sgd().loadState(net.manager(), optimizerState);
        }
    }

    @Override
    public void startFrom(Path params) {
        net.load(params);
    }

    @Override
    public EpochSteps epoch(int epoch) {
        int size = data.train().size();
        int batchSize = config.train().batchSize();
        int[] order = DetectionBatches.order(size, seed, epoch);
        return new EpochSteps() {
            private int from;
            private long waitNanos;

            @Override
            public boolean hasNext() {
                return from < size;
            }

            @Override
            public int step(double lr, Map<String, Double> sums) {
                long w0 = System.nanoTime();
                int to = Math.min(size, from + batchSize);
                if (cache != null) {
                    DetectionBatches.Cached c = train.cached(order, from, to, cache.cache(), seed, epoch);
                    waitNanos += System.nanoTime() - w0;
                    from += batchSize;
                    step.run(c, lr, sums);
                    return c.batch().count();
                }
                DetectionBatch b = train.train(order, from, to, seed, epoch);
                waitNanos += System.nanoTime() - w0;
                from += batchSize;
                step.run(b, lr, sums);
                return b.count();
            }

            @Override
            public long waitNanos() {
                return waitNanos;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Evaluation evaluate(Cancellation cancel) {
        ApEvaluatorResult ap = DetectionEvaluator.evaluate(net, test, data.test().size(),
                Math.max(config.train().batchSize(), 32), nms, cancel);
        return new Evaluation(100 * ap.map50(), Double.NaN, DetectionEvaluator.scores(ap, data.test().classNames()));
    }

    @Override
    public List<Block> savedBlocks() {
        return List.of(net.block());
    }

    @Override
    public byte[] optimizerState() {
        return step.sgd().stateBytes();
    }

    @Override
    public void close() {
        net.close();
    }
}
