package org.pixeldistill.core.detect;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.TrainConfig;
import org.pixeldistill.core.loop.EngineThreads;
import org.pixeldistill.core.loop.LossTerms;
import org.pixeldistill.core.loop.Sgd;
import org.pixeldistill.core.loop.TrainingFailedException;
import org.pixeldistill.core.model.Scalars;

/**
 * One optimisation step of a detector: the frozen teacher (if any) on the large view outside the
 * gradient tape, the student on its own view inside it; focal + box loss against the targets,
 * plus the distillation terms of {@code detect.distill} ({@link org.pixeldistill.core.config.DetectConfig.Distill}); backward; SGD. Shared by training and
 * benchmarking, so what is measured is what trains.
 */
public final class DetectionStep {
    private final DetectorNetwork student;
    private final DetectorNetwork teacher;
    private final DetectConfig.Distill distill;
    private final DetectionTargets targets;
    private final Sgd sgd;
    private final int threads;
    private final DetectionCacheLayout cached;

    /** @param teacher null for a detector trained on its own (then {@code distill} is ignored) */
    public DetectionStep(DetectorNetwork student, DetectorNetwork teacher, DetectConfig.Distill distill,
            TrainConfig train) {
        this(student, teacher, distill, train, null);
    }

    /**
     * @param cached how a teacher cache's records read back as the teacher's outputs, for the
     *     cached batches given to {@link #run(DetectionBatches.Cached, double, Map)}; null when the
     *     teacher always runs live
     */
    public DetectionStep(DetectorNetwork student, DetectorNetwork teacher, DetectConfig.Distill distill,
            TrainConfig train, DetectionCacheLayout cached) {
        if (cached != null && distill.featureWeight() > 0 && !cached.hasFeatures()) {
            throw new IllegalArgumentException("the teacher cache holds no pyramid features, the feature term needs them");
        }
        this.cached = cached;
        this.student = student;
        this.teacher = teacher;
        this.distill = distill;
        this.targets = new DetectionTargets(student.anchors(), student.spec().classes(), AnchorMatcher.retinaNet(),
                BoxCoder.unitWeights());
        this.sgd = new Sgd(student.trainableParameters(), train.momentum(), train.weightDecay(), train.clipGradNorm());
        // detectors are never small enough for one thread to win: the engine's own count
        this.threads = EngineThreads.forLargeWork(train.threads());
    }

    public Sgd sgd() {
        return sgd;
    }

    /** libtorch's threads per operation for this step (see {@link EngineThreads}). */
    public int threads() {
        return threads;
    }

    /**
     * Trains on one batch and adds each loss term (and "total") to {@code sums}.
     *
     * @throws TrainingFailedException when the loss is not finite (nothing is updated then)
     */
    public void run(DetectionBatch b, double lr, Map<String, Double> sums) {
        run(b, null, lr, sums);
    }

    /** The same from a teacher cache: the teacher's recorded outputs instead of its forward pass. */
    public void run(DetectionBatches.Cached c, double lr, Map<String, Double> sums) {
        if (cached == null) {
            throw new IllegalStateException("this step was made without a teacher cache layout");
        }
        run(c.batch(), c.teacherOutputs(), lr, sums);
    }

    private void run(DetectionBatch b, float[] recorded, double lr, Map<String, Double> sums) {
        EngineThreads.useOnThisThread(threads);
        try (NDManager step = student.manager().newSubManager()) {
            NDArray xs = step.create(b.small(), new Shape(b.count(), b.channels(), b.smallSize(), b.smallSize()));
            DetectionTargets.Batch t = targets.build(step, b.boxes(), b.labels());
            DetectorNetwork.Output teacherOut = null;
            if (recorded != null) {
                teacherOut = cached.output(step, recorded, b.count());
            } else if (teacher != null) {
                NDArray xl = step.create(b.large(), new Shape(b.count(), b.channels(), b.largeSize(), b.largeSize()));
                teacherOut = teacher.forward(xl, false);
            }
            Map<String, NDArray> terms = new LinkedHashMap<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                DetectorNetwork.Output out = student.forward(xs, true);
                DetectionLoss.Terms own = DetectionLoss.of(out.logits(), out.offsets(), t);
                terms.put("focal", own.classification());
                terms.put("box", own.box());
                if (teacherOut != null) {
                    terms.putAll(distillTerms(out, teacherOut));
                }
                LossTerms.backward(gc, terms, sums);
            }
            sgd.step(lr);
        }
    }

    private Map<String, NDArray> distillTerms(DetectorNetwork.Output s, DetectorNetwork.Output t) {
        Map<String, NDArray> terms = new LinkedHashMap<>();
        if (distill.aligned()) {
            if (distill.classWeight() > 0) {
                terms.put("afp_class", Scalars.mul(AfpLoss.classKd(s.logits(), t.logits(), distill.temperature().floatValue()),
                        distill.classWeight()));
            }
            if (distill.boxWeight() > 0) {
                terms.put("afp_box", Scalars.mul(AfpLoss.boxL2(s.offsets(), t.offsets(), t.logits()), distill.boxWeight()));
            }
            if (distill.featureWeight() > 0) {
                terms.put("afp_feature", Scalars.mul(AfpLoss.featureL2(s.levels(), t.levels()), distill.featureWeight()));
            }
        } else if (distill.featureWeight() > 0) {
            // how much finer the teacher's grids are: r when it runs at the student's strides, 1 when its levels are shifted
            int ratio = (int) Math.round((double) t.levels().get(0).getShape().get(2) / s.levels().get(0).getShape().get(2));
            terms.put("feature", Scalars.mul(AfpLoss.featureL2(s.levels(), pooled(t.levels(), ratio)), distill.featureWeight()));
        }
        return terms;
    }

    /** The teacher's levels average-pooled by r (ceil mode), the unaligned baseline's "interpolation". */
    static NDList pooled(NDList levels, int ratio) {
        if (ratio == 1) {
            return levels;
        }
        NDList out = new NDList(levels.size());
        for (NDArray level : levels) {
            out.add(Pool.avgPool2d(level, new Shape(ratio, ratio), new Shape(ratio, ratio), new Shape(0, 0), true, false));
        }
        return out;
    }
}
