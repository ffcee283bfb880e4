package org.pixeldistill.core.loop;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary.SeedResult;
import org.pixeldistill.core.run.Stage;

/**
 * A run end to end, classifier or detector alike: opens the task, resolves (or first trains) the
 * teacher and, for TAS, the assistant, trains every seed through {@link StageLoop}, and keeps
 * summary.json true at every point (running, finished, failed, cancelled).
 */
public final class RunLoop {
    private final Teachers teachers;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public RunLoop(Teachers teachers, TrainingListener listener, Cancellation cancel) {
        this.teachers = teachers;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** The stages a run trains, in order, ending with {@code stage} (the one of this run folder). */
    public static List<Stage> stages(RunConfig config, Stage stage) {
        return config.hasTas() ? List.of(Stage.TEACHER, Stage.ASSISTANT, stage)
                : config.isDistillation() ? List.of(Stage.TEACHER, stage) : List.of(stage);
    }

    public void execute(RunFolder folder, RunConfig config, Stage stage, RunTask.Opener opener) {
        GradMode.offOnThisThread();
        long start = System.nanoTime();
        Device device = Devices.choose(config.device());
        try (RunTask task = opener.open(config, device)) {
            SummaryWriter summary = new SummaryWriter(folder, config, stages(config, stage), task.score(),
                    task.dataset(), task.trainSize(), task.testSize(), device, task.skippedImages(), start,
                    OffsetDateTime.now().toString());
            List<SeedResult> results = new ArrayList<>();
            summary.write("running", "", results, null);
            task.started(folder, listener);
            Sources sources = Sources.NONE;
            try {
                Path initParams = null;
                if (config.isDistillation()) {
                    Trained trained = teachers.teacher(config, folder);
                    sources = new Sources(trained.folder().dir().toString(), null);
                    if (config.hasTas()) {
                        trained = teachers.assistant(config, trained, folder);
                        sources = new Sources(sources.teacherRun(), trained.folder().dir().toString());
                        initParams = config.tas().initFromAssistant() ? trained.params() : null;
                    }
                    task.openTeacher(trained, listener, cancel);
                }
                List<Integer> seeds = config.train().seeds();
                for (int i = 0; i < seeds.size(); i++) {
                    int seed = seeds.get(i);
                    StageRun run = new StageRun(stage, seed, config.train(), new Checkpoint(folder.checkpointDir(stage, seed)),
                            folder.metrics(), initParams, i + 1, seeds.size());
                    results.add(new StageLoop(run, listener, cancel).run(() -> task.stage(stage, seed)));
                    summary.write("running", "", results, sources);
                }
                summary.write("finished", "", results, sources);
            } catch (RunCancelledException e) {
                summary.write("cancelled", e.getMessage(), results, sources);
                throw e;
            } catch (RuntimeException e) {
                summary.write("failed", String.valueOf(e.getMessage()), results, sources);
                throw e;
            }
        }
    }
}
