package org.pixeldistill.core.pipeline;

import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.loop.TrainingListener;

/**
 * The student's input size against its teacher's, checked before a run starts (before its
 * teacher is trained, which can take minutes). Pixel distillation gives the student S / r with
 * r >= 1 (METHOD.md): a larger student input is a mistake. A size that is not S / r for a whole r
 * still trains (the small view is resized from the same crop, the ISRD decoder crops its output to
 * S and feature distillers pool to a common grid), so it only gets a warning.
 */
final class InputSizePairing {
    private InputSizePairing() {}

    static void check(RunConfig student, TrainingListener listener) {
        if (!student.isDistillation()) {
            return;
        }
        RunConfig teacher = TeacherConfigs.of(student);
        int small = student.model().inputSize();
        int large = teacher.model().inputSize();
        String from = student.teacher().run() != null ? "teacher.run " + student.teacher().run()
                : "teacher.config " + student.teacher().config();
        if (small > large) {
            throw new ConfigException("model.input_size " + small + " is larger than the teacher's " + large + " ("
                    + from + "): a student sees the teacher's image at S / r, at most S");
        }
        if (large % small != 0) {
            listener.onMessage("warning: model.input_size " + small + " does not divide the teacher's " + large
                    + " (r = " + String.format(java.util.Locale.ROOT, "%.2f", (double) large / small)
                    + "); it trains, but METHOD.md's students see S / r for a whole r");
        }
    }
}
