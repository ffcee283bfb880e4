package org.pixeldistill.ui.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.IsrdConfig;

/**
 * Everything the setup panel lets a user choose, as one immutable value: what the view-model
 * snapshots on Start, what {@link RunConfigBuilder} turns into a run config and what
 * {@link SetupPreferences} remembers.
 *
 * @param useDemo train on the committed Fashion-MNIST slice (else on {@code folder})
 * @param folder a data folder the user picked ("" when none)
 * @param layout fashion-mnist | cub | image-folder: how {@code folder} is organised
 * @param teacherSize the teacher's input side in pixels; the student's is teacherSize / ratio
 * @param ratio reduction ratio r (1, 2, 4, 8)
 * @param teacherEpochs epochs of the teacher, trained once and reused by later runs
 * @param seeds how many seeds (0, 1, ...) the student is trained with
 * @param trainLimit training images of the student, class-balanced (0 = all)
 * @param teacherTrainLimit training images of the teacher (0 = all): a teacher trained on more
 *     images than its student is the usual case (and the classroom preset's)
 * @param testLimit test images used (0 = all)
 * @param bandwidthMbps link speed of the cost readout, Mbit/s
 * @param teacherWeights pretrained weights the teacher starts from (model.weights), "" = random
 * @param studentWeights pretrained weights the student starts from, "" = random
 */
public record SetupChoices(
        boolean useDemo,
        String folder,
        String layout,
        String teacherBackbone,
        double teacherWidth,
        int teacherSize,
        String studentBackbone,
        double studentWidth,
        int ratio,
        Method method,
        double eta,
        double temperature,
        double alpha,
        int epochs,
        int teacherEpochs,
        int seeds,
        int trainLimit,
        int teacherTrainLimit,
        int testLimit,
        String device,
        double bandwidthMbps,
        String teacherWeights,
        String studentWeights) {

    /** Choices with both networks starting from random weights. */
    public SetupChoices(boolean useDemo, String folder, String layout, String teacherBackbone, double teacherWidth,
            int teacherSize, String studentBackbone, double studentWidth, int ratio, Method method, double eta,
            double temperature, double alpha, int epochs, int teacherEpochs, int seeds, int trainLimit,
            int teacherTrainLimit, int testLimit, String device, double bandwidthMbps) {
        this(useDemo, folder, layout, teacherBackbone, teacherWidth, teacherSize, studentBackbone, studentWidth, ratio,
                method, eta, temperature, alpha, epochs, teacherEpochs, seeds, trainLimit, teacherTrainLimit, testLimit,
                device, bandwidthMbps, "", "");
    }

    /** The demo recipe of sample-configs/demo-fashion-mnist-isrd.yaml: teacher at 28, student at 7, 6 epochs. */
    public static SetupChoices defaults() {
        return new SetupChoices(true, "", DataConfig.DATASETS.get(0), "resnet18", 0.25, 28, "resnet18", 0.25, 4,
                Method.ISRD, IsrdConfig.etaAt(4), 4, 0.9, 6, 6, 1, 0, 0, 0, "auto", 1.0);
    }

    /**
     * The classroom demo: a teacher trained on all 10,000 images of the demo slice at 28x28
     * (6 epochs, 3-4 minutes on a 2-core CPU, once: later runs reuse it and its teacher cache),
     * and a student at 7x7 that has only 200 labelled training images (50 epochs, about 7 s per
     * seed), tested on 1,000, over 3 seeds so that the charts show mean and spread. With so few
     * labels the student trained alone overfits, and what the teacher knows reaches the distilled
     * student through its soft predictions and ISRD on the same 200 images. Measured 2026-12-05
     * (best top-1, seeds 0-2): alone 69.1 +- 0.5, ISRD + KD 72.5 +- 0.6, every distilled seed
     * above every baseline seed. With 500 images the gap was about 2 points but seeds overlapped;
     * with 5,000 and 4 epochs, none.
     */
    public static SetupChoices classroomDemo() {
        return new SetupChoices(true, "", DataConfig.DATASETS.get(0), "resnet18", 0.25, 28, "resnet18", 0.25, 4,
                Method.ISRD, IsrdConfig.etaAt(4), 4, 0.9, 50, 6, 3, 200, 0, 1000, "auto", 1.0);
    }

    /** What the classroom preset does, in words made from its values (the button's tooltip). */
    public static String classroomSummary() {
        SetupChoices c = classroomDemo();
        return String.format(Locale.ROOT, "Sets the classroom recipe: a ResNet-18 x%s teacher at %dx%d trained once on all"
                + " of the demo's images (%d epochs, a few minutes on a laptop CPU, then reused), and a student at"
                + " %dx%d (r = %d) with ISRD + KD that has only %d labelled images: %d epochs, %d seeds (seconds"
                + " each), tested on %d images. Alone such a student overfits; distilled it gains about three"
                + " points. Switch Method to Baseline and Start again to compare.",
                trim(c.teacherWidth()), c.teacherSize(), c.teacherSize(), c.teacherEpochs(), c.studentSize(),
                c.studentSize(), c.ratio(), c.trainLimit(), c.epochs(), c.seeds(), c.testLimit());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The same choices with another method. */
    public SetupChoices withMethod(Method m) {
        return new SetupChoices(useDemo, folder, layout, teacherBackbone, teacherWidth, teacherSize, studentBackbone,
                studentWidth, ratio, m, eta, temperature, alpha, epochs, teacherEpochs, seeds, trainLimit,
                teacherTrainLimit, testLimit, device, bandwidthMbps, teacherWeights, studentWeights);
    }

    /** The student's input side in pixels. */
    public int studentSize() {
        return teacherSize / ratio;
    }

    /** The data set's folder: the demo's or the user's. */
    public Path dataPath(Path demoData) {
        return useDemo ? demoData : Path.of(folder);
    }

    /** The data set layout actually used (the demo is Fashion-MNIST). */
    public String effectiveLayout() {
        return useDemo ? DataConfig.DATASETS.get(0) : layout;
    }

    /** Seeds 0 .. seeds-1. */
    public List<Integer> seedList() {
        return IntStream.range(0, Math.max(1, seeds)).boxed().toList();
    }

    /** A usual default teacher size for a layout: the stored 28 of Fashion-MNIST, 224 for photographs. */
    public static int defaultTeacherSize(String layout) {
        return DataConfig.DATASETS.get(0).equals(layout) ? 28 : 224;
    }
}
