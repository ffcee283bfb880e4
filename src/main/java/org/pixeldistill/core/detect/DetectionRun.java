package org.pixeldistill.core.detect;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunTask;
import org.pixeldistill.core.loop.StageTask;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.loop.Trained;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.model.Detector;
import org.pixeldistill.core.model.DetectorSpec;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * A detector run's own half for the shared run loop: its scenes or annotated images and detector,
 * checked before anything is written (a teacher that cannot teach this student is refused before
 * it is trained), the annotation report, the frozen detector it distils from, and each seed's stage.
 */
public final class DetectionRun implements RunTask {
    private final RunConfig config;
    private final Device device;
    private final DetectionSplits data;
    private final DetectorSpec spec;
    private final Normalization norm;
    private DetectorNetwork teacher;
    private DetectConfig.Distill distill;
    private DetectionCache.Opened cache;

    private DetectionRun(RunConfig config, Device device, DetectionSplits data, DetectorSpec spec, Normalization norm) {
        this.config = config;
        this.device = device;
        this.data = data;
        this.spec = spec;
        this.norm = norm;
    }

    /** Opens the data and checks the detector (and, without TAS, its teacher's fit) before anything trains. */
    public static DetectionRun open(RunConfig config, Device device) {
        DetectionSplits data = DetectionDataSets.open(config.data(), config.detect());
        int channels = data.train().channels();
        int classes = data.train().numClasses();
        DetectorSpec spec = DetectorSpecs.of(config, channels, classes);
        Detector.create(spec); // size errors before anything trains
        if (config.isDistillation() && !config.hasTas()) {
            // a teacher that cannot teach this student is refused before it is trained, not after
            DetectorPairing.distill(config, spec, DetectorSpecs.of(teacherConfig(config), channels, classes));
        }
        return new DetectionRun(config, device, data, spec, Normalization.of(config.data(), channels));
    }

    /** The teacher's resolved config, read from its run or built from its config file, without training it. */
    private static RunConfig teacherConfig(RunConfig student) {
        String run = student.teacher().run();
        return run != null ? RunFolder.open(Path.of(run)).readConfig() : TeacherConfigs.teacherConfig(student);
    }

    /** The frozen detector teacher (or assistant) at its trained level shift. */
    static DetectorNetwork openFrozen(Trained trained, Device device, int channels, int classes) {
        RunConfig cfg = trained.config();
        DetectorNetwork net = DetectorNetwork.create(DetectorSpecs.of(cfg, channels, classes),
                cfg.detect().anchorSize().floatValue(), device, cfg.train().seeds().get(0), false);
        try {
            net.load(trained.params());
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    @Override
    public Score score() {
        return Score.MAP50;
    }

    @Override
    public String dataset() {
        return data.train().name();
    }

    @Override
    public int trainSize() {
        return data.train().size();
    }

    @Override
    public int testSize() {
        return data.test().size();
    }

    @Override
    public AtomicInteger skippedImages() {
        return new AtomicInteger(); // the annotation report lists what the readers dropped
    }

    @Override
    public void started(RunFolder folder, TrainingListener listener) {
        AnnotationReport.write(folder, data, listener);
    }

    @Override
    public void openTeacher(Trained trained, TrainingListener listener, Cancellation cancel) {
        teacher = openFrozen(trained, device, data.train().channels(), data.train().numClasses());
        distill = DetectorPairing.distill(config, spec, teacher.spec());
        cache = DetectionCache.openIfEligible(config, distill, teacher, DetectionCache.identity(teacher, trained.params()),
                TeacherCache.folderBeside(trained.folder().dir()), data.train(),
                DetectionStage.views(config, norm, spec.backbone().inputSize(), teacher.inputSize()), listener,
                cancel::isCancelled);
    }

    @Override
    public StageTask stage(Stage stage, int seed) {
        return new DetectionStage(config, seed, spec, device, data, norm, teacher, distill, cache);
    }

    @Override
    public void close() {
        if (teacher != null) {
            teacher.close();
        }
    }
}
