package org.pixeldistill.ui.setup;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.DataConfig;

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
 * @param trainLimit training images used, class-balanced (0 = all)
 * @param testLimit test images used (0 = all)
 * @param bandwidthMbps link speed of the cost readout, Mbit/s
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
        int testLimit,
        String device,
        double bandwidthMbps) {

    /** The demo recipe of sample-configs/demo-fashion-mnist-isrd.yaml: teacher at 28, student at 7, 6 epochs. */
    public static SetupChoices defaults() {
        return new SetupChoices(true, "", DataConfig.DATASETS.get(0), "resnet18", 0.25, 28, "resnet18", 0.25, 4,
                Method.ISRD, 50, 4, 0.9, 6, 6, 1, 0, 0, "auto", 1.0);
    }

    /**
     * The classroom demo: the same networks on 5,000 training and 1,000 test images, 4 epochs for
     * the teacher and 4 for the student. Measured with {@code bench} on a shared 2-core CPU: about
     * 250 img/s for the teacher and 390 img/s for the ISRD student, so about 1.5 minutes for the
     * teacher and 1 for the student; later runs reuse the teacher.
     */
    public static SetupChoices classroomDemo() {
        return new SetupChoices(true, "", DataConfig.DATASETS.get(0), "resnet18", 0.25, 28, "resnet18", 0.25, 4,
                Method.ISRD, 50, 4, 0.9, 4, 4, 1, 5000, 1000, "auto", 1.0);
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
        return java.util.stream.IntStream.range(0, Math.max(1, seeds)).boxed().toList();
    }

    /** A usual default teacher size for a layout: the stored 28 of Fashion-MNIST, 224 for photographs. */
    public static int defaultTeacherSize(String layout) {
        return DataConfig.DATASETS.get(0).equals(layout) ? 28 : 224;
    }
}
