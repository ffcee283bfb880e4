package org.pixeldistill.core.pipeline;

import java.nio.file.Path;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.detect.DetectionRun;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunLoop;
import org.pixeldistill.core.loop.RunTask;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.train.ClassifierRun;

/**
 * Runs a config end to end into a run folder: resolves (or first trains) the teacher, trains
 * every seed, and keeps summary.json true at every point (running, finished, failed, cancelled).
 * The one place that picks the task (classifier or detector) for a config; the run itself is
 * {@link RunLoop}'s.
 */
public final class RunPipeline {
    private final Path runsRoot;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public RunPipeline(Path runsRoot, TrainingListener listener, Cancellation cancel) {
        this.runsRoot = runsRoot;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** A new run of {@code config} in a new folder under the runs root. */
    public RunFolder train(RunConfig config) {
        InputSizePairing.check(config, listener);
        RunFolder folder = RunFolder.create(runsRoot, config.name());
        folder.writeConfig(config);
        execute(folder, config, finalStage(config));
        return folder;
    }

    /**
     * Runs {@code config} in a folder of the caller's choosing (a sweep cell): a new folder starts,
     * a folder holding this config's checkpoints continues from them.
     */
    public RunFolder trainIn(Path dir, RunConfig config) {
        InputSizePairing.check(config, listener);
        RunFolder folder = RunFolder.at(dir);
        folder.writeConfig(config);
        execute(folder, config, finalStage(config));
        return folder;
    }

    /** Continues a run from its folder's config and last checkpoints. */
    public RunFolder resume(Path runDir) {
        RunFolder folder = RunFolder.open(runDir);
        RunConfig config = folder.readConfig();
        Path parent = folder.dir().getParent();
        String kind = parent == null ? "" : parent.getFileName().toString();
        Stage stage = kind.equals("teachers") ? Stage.TEACHER : kind.equals("assistants") ? Stage.ASSISTANT
                : finalStage(config);
        execute(folder, config, stage);
        return folder;
    }

    /** The stage an ordinary run of this config ends with: the student of a distillation, else the model. */
    public static Stage finalStage(RunConfig config) {
        return config.isDistillation() ? Stage.STUDENT : Stage.MODEL;
    }

    void execute(RunFolder folder, RunConfig config, Stage stage) {
        new RunLoop(new TeacherResolver(runsRoot, listener, cancel), listener, cancel).execute(folder, config, stage,
                task(config));
    }

    /** How a run of this config opens its task. */
    static RunTask.Opener task(RunConfig config) {
        RunTask.Opener open = config.isDetection() ? DetectionRun::open : ClassifierRun::open;
        return (cfg, device) -> {
            BatchMemory.check(cfg, device); // before the task allocates anything for a batch that cannot fit
            return open.open(cfg, device);
        };
    }
}
