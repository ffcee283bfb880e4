package org.pixeldistill.core.loop;

import ai.djl.Device;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * One run's task-specific half, as {@link RunLoop} sees it: the data opened and the config checked
 * for a classifier or a detector, the frozen network it distils from, and a {@link StageTask} per
 * seed. Closing it closes the teacher.
 */
public interface RunTask extends AutoCloseable {
    /** Opens a run's task for a config on a device; throws before anything is written if the config cannot run. */
    @FunctionalInterface
    interface Opener {
        RunTask open(RunConfig config, Device device);
    }

    /** The score its stages are judged by: top-1 for a classifier, mAP50 for a detector. */
    Score score();

    /** The data set's name, for the summary's provenance. */
    String dataset();

    int trainSize();

    int testSize();

    /** Counts images that did not decode while training (skipped; the summary reports them). */
    AtomicInteger skippedImages();

    /** Once summary.json says running: what the task records about its data before training. */
    default void started(RunFolder folder, TrainingListener listener) {}

    /**
     * Opens the frozen network this run distils from (teacher, or TAS assistant), closed with the
     * task, and prepares what its students read from it once for all seeds (a teacher cache),
     * saying so to {@code listener}.
     */
    void openTeacher(Trained trained, TrainingListener listener, Cancellation cancel);

    /** The stage of one seed, built only when the loop has something left to train. */
    StageTask stage(Stage stage, int seed);

    @Override
    void close();
}
