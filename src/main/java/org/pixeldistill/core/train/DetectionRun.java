package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.detect.DetectionDataSets;
import org.pixeldistill.core.detect.DetectionSplits;
import org.pixeldistill.core.detect.DetectorNetwork;
import org.pixeldistill.core.detect.DetectorSpecs;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary.SeedResult;

/**
 * A detector run end to end, the detection counterpart of {@link RunPipeline#execute}: resolves
 * (or first trains) its detector teacher and, for TAS, its assistant, through the same cache of
 * teachers and assistants, then trains every seed and keeps summary.json true at every point.
 */
final class DetectionRun {
    private final Path runsRoot;
    private final TrainingListener listener;
    private final Cancellation cancel;

    DetectionRun(Path runsRoot, TrainingListener listener, Cancellation cancel) {
        this.runsRoot = runsRoot;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** The detector a config describes, for data with these channels and classes. */
    static DetectorSpec spec(RunConfig config, int channels, int classes) {
        return DetectorSpecs.of(config, channels, classes);
    }

    /**
     * TAS stage 1 of a detector: the student's detector at the teacher's size, its level shift
     * chosen so that its grids are the student's (AFP): in stage 2 its anchors are then the
     * student's times r and its head outputs match the student's anchor for anchor.
     */
    static RunConfig assistantBase(RunConfig student, RunConfig teacher) {
        DetectorSpec small = spec(student, 1, 1);
        RunConfig atTeacherSize = student.withModel(student.model().withInputSize(teacher.model().inputSize()));
        int shift = alignedShift(spec(atTeacherSize, 1, 1), grids(small), "the assistant");
        RunConfig assistant = student.withDetect(student.detect().withLevelShift(shift));
        DetectConfig.Distill d = assistant.detect().distill();
        if (d.aligned() && !grids(spec(teacher, 1, 1)).equals(grids(spec(atTeacherSize.withDetect(
                assistant.detect()), 1, 1)))) {
            // Teacher and assistant see the same image; when their stems divide it alike, the
            // assistant's levels (shifted to the student's grids) are coarser than the teacher's and
            // no head output pairs up. It then learns from the teacher's pooled features, the
            // unaligned rule; AFP proper is the assistant -> student stage, which always lines up.
            assistant = assistant.withDetect(assistant.detect().withDistill(new DetectConfig.Distill(false,
                    d.temperature(), d.classWeight(), d.boxWeight(), d.featureWeight())));
        }
        return assistant;
    }

    /** The level shift that gives {@code large} the grids {@code target}; a ConfigException if none does. */
    static int alignedShift(DetectorSpec large, List<Long> target, String who) {
        for (int shift = 0; shift <= 6; shift++) {
            if (grids(large.withLevelShift(shift)).equals(target)) {
                return shift;
            }
        }
        throw new ConfigException("AFP: no level shift gives " + who + " at " + large.backbone().inputSize()
                + " the student's grids " + target + " (with level_shift 0 it has " + grids(large.withLevelShift(0))
                + "); use input sizes whose ratio is a power of two and the same or comparable stems");
    }

    void execute(RunFolder folder, RunConfig config, String stage) {
        GradMode.offOnThisThread();
        long start = System.nanoTime();
        Device device = Devices.choose(config.device());
        DetectionSplits data = DetectionDataSets.open(config.data(), config.detect());
        int channels = data.train().channels();
        int classes = data.train().numClasses();
        DetectorSpec spec = spec(config, channels, classes);
        org.pixeldistill.core.model.Detector.create(spec); // size errors before anything trains
        if (config.isDistillation() && !config.hasTas()) {
            // a teacher that cannot teach this student is refused before it is trained, not after
            distill(config, spec, spec(teacherConfig(config), channels, classes));
        }
        Normalization norm = Normalization.of(config.data(), channels);
        List<String> stages = config.hasTas() ? List.of("teacher", "assistant", stage)
                : config.isDistillation() ? List.of("teacher", stage) : List.of(stage);
        SummaryWriter summary = new SummaryWriter(folder, config, stages, data.train().name(), data.train().size(),
                data.test().size(), device, new AtomicInteger(), start, OffsetDateTime.now().toString());
        List<SeedResult> results = new ArrayList<>();
        summary.write("running", "", results, null);
        AnnotationReport.write(folder, data, listener);
        RunPipeline.Sources sources = new RunPipeline.Sources(null, null);
        DetectorNetwork teacher = null;
        Path initParams = null;
        try {
            DetectConfig.Distill distill = null;
            if (config.isDistillation()) {
                TeacherResolver resolver = new TeacherResolver(runsRoot, listener, cancel);
                TeacherResolver.Trained trained = resolver.teacher(config, folder);
                sources = new RunPipeline.Sources(trained.folder().dir().toString(), null);
                if (config.hasTas()) {
                    trained = resolver.assistant(config, trained, folder);
                    sources = new RunPipeline.Sources(sources.teacherRun(), trained.folder().dir().toString());
                    initParams = config.tas().initFromAssistant() ? trained.params() : null;
                }
                teacher = open(trained, device, channels, classes);
                distill = distill(config, spec, teacher.spec());
            }
            List<Integer> seeds = config.train().seeds();
            for (int i = 0; i < seeds.size(); i++) {
                Checkpoint checkpoint = new Checkpoint(folder.checkpointDir(stage, seeds.get(i)));
                var setup = new DetectionStageTrainer.Setup(stage, seeds.get(i), config, spec, device, data, norm, teacher,
                        distill, initParams, checkpoint, folder.metrics(), i + 1, seeds.size());
                results.add(new DetectionStageTrainer(setup, listener, cancel).run());
                summary.write("running", "", results, sources);
            }
            summary.write("finished", "", results, sources);
        } catch (RunCancelledException e) {
            summary.write("cancelled", e.getMessage(), results, sources);
            throw e;
        } catch (RuntimeException e) {
            summary.write("failed", String.valueOf(e.getMessage()), results, sources);
            throw e;
        } finally {
            if (teacher != null) {
                teacher.close();
            }
        }
    }

    /** The teacher's resolved config, read from its run or built from its config file, without training it. */
    private static RunConfig teacherConfig(RunConfig student) {
        String run = student.teacher().run();
        return run != null ? RunFolder.open(Path.of(run)).readConfig() : TeacherConfigs.teacherConfig(student);
    }

    /** The frozen detector teacher (or assistant) at its trained level shift. */
    static DetectorNetwork open(TeacherResolver.Trained trained, Device device, int channels, int classes) {
        RunConfig cfg = trained.config();
        DetectorNetwork net = DetectorNetwork.create(spec(cfg, channels, classes), cfg.detect().anchorSize().floatValue(),
                device, cfg.train().seeds().get(0), false);
        try {
            net.load(trained.params());
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /**
     * The student's distillation settings, checked against the teacher: AFP (aligned) compares the
     * heads anchor for anchor, so the teacher's grids must be the student's, which holds when its
     * grids are the student's (its level shift chosen for that).
     */
    static DetectConfig.Distill distill(RunConfig student, DetectorSpec spec, DetectorSpec teacher) {
        DetectConfig.Distill d = student.detect().distill();
        if (d.aligned() && !grids(teacher).equals(grids(spec))) {
            int shift = alignedShift(teacher, grids(spec), "the teacher");
            throw new ConfigException("detect.distill.aligned: the teacher's grids " + grids(teacher)
                    + " differ from the student's " + grids(spec) + "; train the teacher with detect.level_shift " + shift
                    + ", distil through an assistant (tas), or set aligned: false");
        }
        if (!d.aligned() && d.featureWeight() > 0) {
            List<Long> t = grids(teacher);
            List<Long> s = grids(spec);
            long ratio = Math.round((double) t.get(0) / s.get(0));
            if (ratio < 1 || !pooledGrids(t, ratio).equals(s)) {
                throw new ConfigException("detect.distill (aligned: false): the teacher's grids " + t
                        + " cannot be average-pooled to the student's " + s + "; the teacher needs grids as fine as the"
                        + " student's or finer by a whole factor (a larger teacher input, or a smaller stem)");
            }
        }
        if (teacher.pyramidChannels() != spec.pyramidChannels() && d.featureWeight() > 0) {
            throw new ConfigException("detect.distill.feature_weight: teacher and student need the same"
                    + " detect.pyramid_channels to compare features (" + teacher.pyramidChannels() + " vs "
                    + spec.pyramidChannels() + "); set feature_weight: 0 or equal widths");
        }
        return d;
    }

    /** Grid sides after average-pooling by {@code ratio} in ceil mode, as {@code DetectionStep.pooled} does. */
    private static List<Long> pooledGrids(List<Long> grids, long ratio) {
        return grids.stream().map(g -> (g + ratio - 1) / ratio).toList();
    }

    /** The grid sides of the levels a detector's heads see. */
    static List<Long> grids(DetectorSpec spec) {
        BackboneSpec b = spec.backbone();
        List<Long> out = new ArrayList<>();
        for (ai.djl.ndarray.types.Shape s : org.pixeldistill.core.model.Detector.create(spec)
                .levelShapes(new ai.djl.ndarray.types.Shape(1, b.channels(), b.inputSize(), b.inputSize()))) {
            out.add(s.get(2));
        }
        return out;
    }
}
