package org.pixeldistill.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.cache.CachedTeacherTaps;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.distill.CrossEntropy;
import org.pixeldistill.core.distill.DistillContext;
import org.pixeldistill.core.distill.Distiller;
import org.pixeldistill.core.distill.Distillers;
import org.pixeldistill.core.cost.NetworkCounter;
import org.pixeldistill.core.loop.EngineThreads;
import org.pixeldistill.core.loop.LossTerms;
import org.pixeldistill.core.loop.Sgd;
import org.pixeldistill.core.loop.TrainingFailedException;
import org.pixeldistill.core.model.FeatureTaps;
import org.pixeldistill.core.model.Scalars;

/**
 * One optimisation step of a student (or single model): the frozen teacher on the large view
 * outside the gradient tape, the student on the small view inside it, cross-entropy plus every
 * distiller's terms, backward, SGD. Shared by training and the {@code bench} command so that what
 * is benchmarked is exactly what trains. With a teacher cache the teacher does not run: its
 * recorded logits come with the batch ({@link CachedTeacherTaps}).
 */
public final class TrainStep {
    private final Network student;
    private final Network teacher;
    private final List<Distiller> distillers;
    private final List<Block> blocks = new ArrayList<>();
    private final Sgd sgd;
    private final double ceScale;
    private final boolean cachedTeacher;
    private final int threads;

    /** @param teacher the frozen teacher, or null for a single model */
    public TrainStep(Network student, Network teacher, DistillConfig distill, TrainConfig train) {
        this(student, teacher, distill, train, false);
    }

    /**
     * @param teacher the frozen teacher (its spec at least), or null for a single model
     * @param cachedTeacher true when every batch carries the teacher's recorded logits (a teacher
     *     cache's loader): the teacher's forward pass is then never run
     */
    public TrainStep(Network student, Network teacher, DistillConfig distill, TrainConfig train, boolean cachedTeacher) {
        this.student = student;
        this.distillers = teacher == null ? List.of() : Distillers.create(distill);
        // a teacher no distiller reads (a baseline run from a config with a teacher) never runs
        this.teacher = distillers.isEmpty() ? null : teacher;
        this.cachedTeacher = cachedTeacher && this.teacher != null;
        prepareDistillers();
        blocks.add(student.block());
        distillers.forEach(d -> blocks.addAll(d.trainableBlocks()));
        List<Parameter> params = new ArrayList<>();
        blocks.forEach(b -> params.addAll(Network.trainableParameters(b)));
        this.sgd = new Sgd(params, train.momentum(), train.weightDecay(), train.clipGradNorm());
        this.ceScale = Distillers.ceScale(distillers);
        long teacherMacs = this.teacher == null || this.cachedTeacher ? 0 : NetworkCounter.count(teacher.spec()).macs();
        this.threads = EngineThreads.forStep(train.threads(),
                EngineThreads.stepWork(train.batchSize(), NetworkCounter.count(student.spec()).macs(), teacherMacs));
    }

    /** libtorch's threads per operation for this step (see {@link EngineThreads}). */
    public int threads() {
        return threads;
    }

    /** The student and the distillers' own blocks, in checkpoint order. */
    public List<Block> blocks() {
        return blocks;
    }

    public Sgd sgd() {
        return sgd;
    }

    public List<Distiller> distillers() {
        return distillers;
    }

    /**
     * Trains on one batch and adds each loss term (and "total") to {@code sums}.
     *
     * @return the number of correct top-1 training predictions
     * @throws TrainingFailedException when the loss is not finite (nothing is updated then)
     */
    public long run(Batch b, int epoch, double lr, Map<String, Double> sums) {
        int small = student.spec().inputSize();
        EngineThreads.useOnThisThread(threads);
        try (NDManager step = student.manager().newSubManager()) {
            NDArray xs = step.create(b.small(), new Shape(b.count(), b.channels(), small, small));
            NDArray labels = step.create(asLongs(b.labels())); // int64: the loss's index type
            FeatureTaps teacherTaps = null;
            NDArray xl = null;
            if (teacher != null) {
                xl = step.create(b.large(), new Shape(b.count(), b.channels(), b.largeSize(), b.largeSize()));
                teacherTaps = cachedTeacher ? CachedTeacherTaps.of(step, b) : teacher.forward(xl, false);
            }
            Map<String, NDArray> terms = new LinkedHashMap<>();
            long hits;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                FeatureTaps st = student.forward(xs, true);
                NDArray ce = CrossEntropy.loss(st.logits(), labels);
                // a scale of 1 (no distiller weighs the cross-entropy down) is no operation to record
                terms.put("ce", ceScale == 1.0 ? ce : Scalars.mul(ce, ceScale));
                DistillContext ctx = new DistillContext(st, teacherTaps, labels, xl, epoch, true);
                for (Distiller d : distillers) {
                    terms.putAll(d.losses(student.store(), ctx));
                }
                LossTerms.backward(gc, terms, sums);
                hits = Evaluator.topKHits(st.logits(), b.labels())[0];
            }
            sgd.step(lr);
            return hits;
        }
    }

    private static long[] asLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Creates the distillers' own blocks from the shapes of a probe forward pass. */
    private void prepareDistillers() {
        if (distillers.isEmpty()) {
            return;
        }
        int c = student.spec().channels();
        int small = student.spec().inputSize();
        int large = teacher.spec().inputSize();
        try (NDManager probe = student.manager().newSubManager()) {
            NDArray xs = probe.zeros(new Shape(2, c, small, small));
            NDArray xl = probe.zeros(new Shape(2, c, large, large));
            FeatureTaps st = student.forward(xs, false);
            FeatureTaps tt = cachedTeacher ? CachedTeacherTaps.probe(probe, 2, teacher.spec().classes())
                    : teacher.forward(xl, false);
            DistillContext ctx = new DistillContext(st, tt, probe.zeros(new Shape(2)), xl, 0, false);
            for (Distiller d : distillers) {
                d.prepare(student.manager(), ctx);
            }
        }
    }
}
