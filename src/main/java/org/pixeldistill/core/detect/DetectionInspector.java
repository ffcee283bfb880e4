package org.pixeldistill.core.detect;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.run.Stage;

/**
 * "What does my low-resolution camera still find": opens a finished detector run and shows, test
 * image by test image, the teacher's detections on the large view beside the student's on its
 * small view. The student is the run's final stage (its first seed or the one asked for, best.params); the
 * large-size network is the one the student learnt from: its assistant for TAS, else its teacher,
 * each loaded with its own run's config and best checkpoint. Both views are made exactly as in
 * training ({@link DetectionViews}, same letterbox, interpolation and normalisation), and boxes are
 * found with RetinaNet's inference (the run's NMS IoU, at most 100 per image) down to
 * {@link #SCORE_FLOOR} or a floor of the caller's.
 *
 * <p>A run without a teacher shows its large view at the scene canvas's size (generated scenes)
 * or at its own size, with ground truth only. Inference runs on the CPU; {@link #inspect} may be
 * called from any thread, one call at a time.
 */
public final class DetectionInspector implements AutoCloseable {
    /** Detections scoring below this are never reported (RetinaNet's own inference floor). */
    public static final float SCORE_FLOOR = 0.05f;

    private final InspectedRun run;
    private final InspectedRun source;
    private final String sourceRole;
    private final DetectionDataset test;
    private final DetectorNetwork student;
    private final DetectorNetwork teacher;
    private final DetectionViews display;
    private final DetectionViews input;
    private final Nms nms;
    private final float scoreFloor;
    private final List<ClassAp> classAp;
    private final boolean apRecorded;

    private DetectionInspector(InspectedRun run, InspectedRun source, String sourceRole, DetectionDataset test,
            DetectorNetwork student, DetectorNetwork teacher, float scoreFloor) {
        this.run = run;
        this.source = source;
        this.sourceRole = sourceRole;
        this.test = test;
        this.student = student;
        this.teacher = teacher;
        RunConfig cfg = run.config();
        int small = student.inputSize();
        int large = teacher != null ? teacher.inputSize()
                : FashionMnistScenes.NAME.equals(cfg.data().dataset()) ? Math.max(small, cfg.detect().canvas()) : small;
        Interpolation mode = Interpolation.parse(cfg.data().interpolation());
        this.display = new DetectionViews(large, small, mode, new Normalization(new float[] {0f}, new float[] {1f}), false);
        this.input = new DetectionViews(large, small, mode, Normalization.of(cfg.data(), test.channels()), false);
        this.nms = new Nms(cfg.detect().nmsIou().floatValue(), scoreFloor, 100);
        this.scoreFloor = scoreFloor;
        var recorded = RecordedClassAp.of(run, test.classNames());
        this.apRecorded = recorded.isPresent();
        this.classAp = recorded.orElseGet(() -> ComputedClassAp.of(student, test, input, cfg));
    }

    /**
     * Opens a finished detector run folder with its test split and networks. Throws a
     * {@link org.pixeldistill.core.config.ConfigException} naming the folder when it is not a
     * finished detector run or its teacher is gone.
     */
    public static DetectionInspector open(Path runDir) {
        return open(runDir, SCORE_FLOOR);
    }

    /**
     * As {@link #open(Path)}, reporting detections down to {@code scoreFloor} instead (0 keeps up to
     * 100 per image whatever they score: useful to see where a barely trained detector looks).
     */
    public static DetectionInspector open(Path runDir, float scoreFloor) {
        return open(runDir, scoreFloor, null);
    }

    /** As {@link #open(Path, float)}, the student of seed {@code seed} (null: the run's first seed). */
    public static DetectionInspector open(Path runDir, float scoreFloor, Integer seed) {
        return open(runDir, scoreFloor, seed, null);
    }

    /**
     * As {@link #open(Path, float, Integer)}, the large view's boxes from the run's {@code largeFrom}
     * ("teacher" or "assistant"; null: its assistant when it has one, else its teacher).
     */
    public static DetectionInspector open(Path runDir, float scoreFloor, Integer seed, String largeFrom) {
        if (!(scoreFloor >= 0 && scoreFloor < 1)) {
            throw new IllegalArgumentException("score floor must be in [0, 1), got " + scoreFloor);
        }
        GradMode.offOnThisThread();
        InspectedRun run = InspectedRun.open(runDir, seed);
        InspectedRun.Source from = InspectedRun.sourceOf(run, largeFrom);
        InspectedRun source = from == null ? null : InspectedRun.open(from.dir());
        DetectionSplits splits = DetectionDataSets.open(run.config().data(), run.config().detect());
        int channels = splits.train().channels();
        int classes = splits.train().numClasses();
        DetectorNetwork student = load(run, channels, classes);
        DetectorNetwork teacher = null;
        try {
            teacher = source == null ? null : load(source, channels, classes);
            return new DetectionInspector(run, source, from == null ? "" : from.role(), splits.test(), student,
                    teacher, scoreFloor);
        } catch (RuntimeException e) {
            student.close();
            if (teacher != null) {
                teacher.close();
            }
            throw e;
        }
    }

    private static DetectorNetwork load(InspectedRun run, int channels, int classes) {
        RunConfig cfg = run.config();
        DetectorNetwork net = DetectorNetwork.create(DetectorSpecs.of(cfg, channels, classes),
                cfg.detect().anchorSize().floatValue(), Device.cpu(), run.seed(), false);
        try {
            net.load(run.bestParams());
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** Test image {@code index}: both views, their ground truth and what each network finds. */
    public synchronized DetectionInspection inspect(int index) {
        if (index < 0 || index >= test.size()) {
            throw new IndexOutOfBoundsException("test image " + index + " of " + test.size());
        }
        GradMode.offOnThisThread();
        AnnotatedImage sample = test.sample(index);
        DetectionViews.Views shown = display.test(sample);
        DetectionViews.Views fed = input.test(sample);
        int channels = test.channels();
        int large = display.largeSize();
        int small = display.smallSize();
        List<Detection> found = new DetectorInference(student, nms).detect(fed.small(), 1).get(0);
        List<Detection> teacherFound = teacher == null ? List.of()
                : new DetectorInference(teacher, nms).detect(fed.large(), 1).get(0);
        return new DetectionInspection(index, new RawImage(shown.large(), channels, large, large),
                new RawImage(shown.small(), channels, small, small), shown.largeBoxes(), shown.smallBoxes(),
                shown.labels(), teacherFound, found, classAp);
    }

    public int testImageCount() {
        return test.size();
    }

    public List<String> classNames() {
        return test.classNames();
    }

    /** The student's AP50 per class, in label order. */
    public List<ClassAp> classAp() {
        return classAp;
    }

    /** Whether {@link #classAp()} was read from metrics.csv (true) or computed on opening (false). */
    public boolean apRecorded() {
        return apRecorded;
    }

    public boolean hasTeacher() {
        return teacher != null;
    }

    /** "assistant", "teacher" or "" (none): which network the large view's boxes come from. */
    public String teacherRole() {
        return sourceRole;
    }

    /** The run folder's name. */
    public String runName() {
        return run.name();
    }

    /** The teacher's (or assistant's) run folder name, "" without one. */
    public String teacherRunName() {
        return source == null ? "" : source.name();
    }

    /** What the large view can show for this run, the default first: "assistant", "teacher" (none: empty). */
    public List<String> largeRoles() {
        return InspectedRun.sourceRoles(run);
    }

    /** The seed of the student inspected. */
    public int seed() {
        return run.seed();
    }

    /** Every seed the run trained (its students can be inspected one by one). */
    public List<Integer> seeds() {
        return run.config().train().seeds();
    }

    /** The student's stage inspected: "student" or "model". */
    public Stage stage() {
        return run.stage();
    }

    /** Detections score at least this (strictly more, in fact: NMS drops the floor itself). */
    public float scoreFloor() {
        return scoreFloor;
    }

    public int largeSize() {
        return display.largeSize();
    }

    public int smallSize() {
        return display.smallSize();
    }

    @Override
    public synchronized void close() {
        student.close();
        if (teacher != null) {
            teacher.close();
        }
    }
}
