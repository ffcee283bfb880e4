package org.pixeldistill.core.train;

import ai.djl.Device;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.StageTask;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.PretrainedWeights;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * A classifier's stage for the shared loop: one network trained on its own, or a student from a
 * frozen teacher that sees the large view of the same crop, or reads what that teacher recorded
 * for it in a teacher cache; scored by test top-1.
 */
final class ClassifierStage implements StageTask {
    private final RunConfig config;
    private final int seed;
    private final DataSplits data;
    private final Network teacher;
    private final TeacherCache cache;
    private final AtomicInteger skippedImages;
    private final Network student;
    private final TwoViewSampler sampler;
    private final TrainStep step;

    /**
     * @param teacher the frozen network distilled from (teacher or TAS assistant), or null
     * @param cache the teacher's recorded outputs to train from instead of running it, or null
     * @param skippedImages counts images that did not decode (skipped, reported in the summary)
     */
    ClassifierStage(RunConfig config, int seed, BackboneSpec spec, Device device, DataSplits data, Normalization norm,
            Network teacher, TeacherCache cache, AtomicInteger skippedImages) {
        this.config = config;
        this.seed = seed;
        this.data = data;
        this.teacher = teacher;
        this.cache = cache;
        this.skippedImages = skippedImages;
        this.student = Network.create(spec, device, seed, true);
        try {
            Set<Parameter> pretrained = Set.of();
            if (config.model().weights() != null) {
                // before the first step; a resumed run's checkpoint replaces these values afterwards.
                // ClassifierRun.open already checked the file and reported what was adapted
                pretrained = PretrainedWeights.load(student.block(), spec, Path.of(config.model().weights()),
                        "model.weights", line -> {});
            }
            this.sampler = sampler(config, spec, teacher, norm);
            this.step = new TrainStep(student, teacher, config.distill(), config.train(), cache != null);
            step.sgd().scaleRate(pretrained, config.train().pretrainedRateScale());
        } catch (RuntimeException e) {
            student.close();
            throw e;
        }
    }

    /** The views a student at {@code spec} trains on: the large one at the teacher's input size. */
    static TwoViewSampler sampler(RunConfig config, BackboneSpec spec, Network teacher, Normalization norm) {
        int large = teacher == null ? spec.inputSize() : teacher.spec().inputSize();
        return new TwoViewSampler(config.data(), large, spec.inputSize(), norm.mean(), norm.std());
    }

    @Override
    public int trainImages() {
        return data.train().size();
    }

    @Override
    public Score score() {
        return Score.TOP1;
    }

    @Override
    public String description() {
        int small = student.spec().inputSize();
        return student.spec().name() + " at " + small + "x" + small
                + (teacher == null ? "" : " from " + teacher.spec().name() + " at " + teacher.spec().inputSize());
    }

    @Override
    public String divergenceAdvice() {
        return "lower train.lr or the distillation weights";
    }

    @Override
    public void resume(Path lastParams, byte[] optimizerState) {
        student.load(lastParams, step.blocks().subList(1, step.blocks().size()));
        if (optimizerState != null) { // null: momentum starts from zero (its file was damaged)
            step.sgd().loadState(student.manager(), optimizerState);
        }
    }

    @Override
    public void startFrom(Path params) {
        student.load(params, List.of());
    }

    @Override
    public EpochSteps epoch(int epoch) {
        TrainConfig tc = config.train();
        BatchLoader loader = cache != null
                ? cache.loader(data.train(), sampler, tc.batchSize(), seed, epoch, config.data().workers())
                : new BatchLoader(data.train(), sampler, tc.batchSize(), true, seed, epoch, config.data().workers());
        return new EpochSteps() {
            private long hits;
            private int seen;
            private boolean counted;

            @Override
            public boolean hasNext() {
                boolean more = loader.hasNext();
                if (!more && !counted) {
                    skippedImages.addAndGet(loader.skipped());
                    counted = true;
                }
                return more;
            }

            @Override
            public int step(double lr, Map<String, Double> sums) {
                Batch b = loader.next();
                hits += step.run(b, epoch, lr, sums);
                seen += b.count();
                return b.count();
            }

            @Override
            public long waitNanos() {
                return loader.waitNanos();
            }

            @Override
            public double trainTop1() {
                return 100.0 * hits / Math.max(1, seen);
            }

            @Override
            public void close() {
                loader.close();
            }
        };
    }

    @Override
    public Evaluation evaluate(Cancellation cancel) {
        int batch = Math.max(config.train().batchSize(), 64);
        try (BatchLoader test = new BatchLoader(data.test(), sampler, batch, false, seed, 0, config.data().workers())) {
            Evaluator.Accuracy acc = Evaluator.evaluate(student, test, false, cancel);
            return new Evaluation(acc.top1(), acc.top5(), Map.of());
        }
    }

    @Override
    public List<Block> savedBlocks() {
        return step.blocks();
    }

    @Override
    public byte[] optimizerState() {
        return step.sgd().stateBytes();
    }

    @Override
    public void epochDone(Stage stage, int seed, int epoch, TrainingListener listener) {
        listener.onEpochModels(new EpochModels(stage, seed, epoch, student, teacher, step.distillers(), sampler,
                data.test()));
    }

    @Override
    public void close() {
        student.close();
    }
}
