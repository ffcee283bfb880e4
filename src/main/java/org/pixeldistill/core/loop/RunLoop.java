package org.pixeldistill.core.loop;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
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
        String created = OffsetDateTime.now().toString();
        RunTask opened;
        Device device = null;
        try {
            device = Devices.choose(config.device());
            opened = opener.open(config, device);
        } catch (RuntimeException | Error e) {
            // data that does not open, an unknown backbone, a batch that cannot fit: the folder
            // exists already, so it says why it holds no training
            SummaryWriter early = SummaryWriter.beforeOpen(folder, config, stages(config, stage), device, start, created);
            throw failed(e, early, List.of(), null);
        }
        try (RunTask task = opened) {
            SummaryWriter summary = new SummaryWriter(folder, config, stages(config, stage), task.score(),
                    task.dataset(), task.trainSize(), task.testSize(), device, task.skippedImages(), start, created);
            List<SeedResult> results = new ArrayList<>();
            Sources sources = Sources.NONE;
            try {
                summary.write("running", "", results, null);
                task.started(folder, listener);
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
                // said for this folder, also when a teacher trained for it was the one stopped
                String line = "the last completed epoch is saved; resume with train --resume " + folder.dir();
                writeQuietly(summary, "cancelled", line, results, sources);
                throw new RunCancelledException(line);
            } catch (RuntimeException | Error e) {
                throw failed(e, summary, results, sources);
            }
        }
    }

    /**
     * Marks the run failed with the one line its caller will show, and returns what to throw: a
     * message the program wrote itself as it is, anything else (I/O, memory, a bug) as that line
     * with the original as its cause. Out-of-memory lands here too: by now the step that ran out
     * is unwound and its memory is garbage, so the summary can still be written.
     */
    private static RuntimeException failed(Throwable e, SummaryWriter summary, List<SeedResult> results, Sources sources) {
        String line = FailureLine.of(e);
        writeQuietly(summary, "failed", line, results, sources);
        if (e instanceof ConfigException || e instanceof TrainingFailedException) {
            return (RuntimeException) e;
        }
        return new TrainingFailedException(line, e);
    }

    /** A summary that cannot be written (the disk that made the run fail is full) must not hide why it failed. */
    private static void writeQuietly(SummaryWriter summary, String status, String line, List<SeedResult> results,
            Sources sources) {
        try {
            summary.write(status, line, results, sources);
        } catch (RuntimeException | Error ignored) {
            // the caller reports the run's own failure, which is the one that matters
        }
    }
}
