package org.pixeldistill.core.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.ModelConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.config.TeacherRef;
import org.pixeldistill.core.detect.DetectorPairing;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.core.loop.Teachers;
import org.pixeldistill.core.loop.Trained;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.BuildLock;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * Finds or trains the frozen networks a run distils from: its teacher and, for TAS, its assistant.
 * Each is kept under {@code <runs>/teachers/} or {@code <runs>/assistants/}, in a folder named by
 * the hash of everything that determines it, so later runs and sweeps reuse it instead of training
 * it again; a half-trained one resumes. Their epochs also appear in the asking run's metrics. Two
 * runs that need the same untrained one at once do not both train it: the second waits on its
 * {@link BuildLock} and then reuses it.
 */
final class TeacherResolver implements Teachers {
    private final Path runsRoot;
    private final TrainingListener listener;
    private final Cancellation cancel;

    TeacherResolver(Path runsRoot, TrainingListener listener, Cancellation cancel) {
        this.runsRoot = runsRoot;
        this.listener = listener;
        this.cancel = cancel;
    }

    @Override
    public Trained teacher(RunConfig student, RunFolder asking) {
        if (student.teacher().run() != null) {
            RunFolder done = RunFolder.open(Path.of(student.teacher().run()));
            RunConfig cfg = done.readConfig();
            return new Trained(done, cfg, bestParams(done, cfg));
        }
        return cached(TeacherConfigs.teacherConfig(student), "teachers", Stage.TEACHER, asking);
    }

    @Override
    public Trained assistant(RunConfig student, Trained teacher, RunFolder asking) {
        return cached(assistantConfig(student, teacher), "assistants", Stage.ASSISTANT, asking);
    }

    /**
     * TAS stage 1 as a run of its own: the student's architecture at the teacher's input size,
     * distilled from the trained teacher with tas.assistant_distill, one seed. Named after its
     * architecture (not the asking run) so that every run and sweep cell with this assistant finds it.
     */
    static RunConfig assistantConfig(RunConfig student, Trained teacher) {
        int size = teacher.config().model().inputSize();
        int epochs = student.tas().assistantEpochs() > 0 ? student.tas().assistantEpochs() : student.train().epochs();
        List<Integer> first = List.of(student.train().seeds().get(0));
        RunConfig base = student.isDetection() ? DetectorPairing.assistantBase(student, teacher.config()) : student;
        RunConfig cfg = base.withoutTas()
                .withName("assistant-" + student.model().backbone() + "-" + size)
                .withModel(new ModelConfig(student.model().backbone(), size,
                        student.model().width(), student.model().stem(), student.model().patchSize()))
                .withTeacher(new TeacherRef(null, teacher.folder().dir().toString(), List.of()))
                .withDistill(student.isDetection() ? DistillConfig.none() : student.tas().assistantDistill())
                .withTrain(student.train().withEpochs(epochs).withSeeds(first));
        cfg.validate();
        return cfg;
    }

    private Trained cached(RunConfig cfg, String kind, Stage stage, RunFolder asking) {
        Path dir = FrozenNetworks.cachedDir(runsRoot, kind, cfg);
        RunFolder folder = RunFolder.at(dir);
        if (usedAsLoaded(cfg)) {
            // config and summary only, so the folder reads as a finished run (with no score) wherever runs are listed
            String note = "used as loaded from " + cfg.model().weights() + " (train.epochs 0)";
            folder.writeConfig(cfg);
            folder.writeSummary(new RunSummary(cfg.name(), "finished", note, List.of(stage), Score.TOP1, null, null,
                    null, null, List.of(), null));
            listener.onMessage(stage + " " + note);
            return new Trained(folder, cfg, null);
        }
        if (finished(folder)) {
            listener.onMessage(stage + " reused from " + dir);
            return new Trained(folder, cfg, bestParams(folder, cfg));
        }
        // another run (a process, or a sweep cell beside this one) may be training the same one: wait
        // for it. The lock file is inside the folder, so teachers/ keeps holding folders only
        try (BuildLock lock = BuildLock.acquire(dir, dir.resolve(".build.lock"), listener::onMessage,
                cancel::throwIfCancelled)) {
            if (finished(folder)) {
                listener.onMessage(stage + " reused from " + dir + " (trained meanwhile by another run)");
            } else {
                listener.onMessage(stage + " not trained yet: training it first in " + dir);
                folder.writeConfig(cfg);
                TrainingListener mirror = new TrainingListener() {
                    @Override
                    public void onEpoch(MetricsRow row) {
                        asking.metrics().append(row);
                    }
                };
                new RunPipeline(runsRoot, TrainingListener.all(listener, mirror), cancel).execute(folder, cfg, stage);
            }
        }
        return new Trained(folder, cfg, bestParams(folder, cfg));
    }

    private static boolean finished(RunFolder folder) {
        return folder.readSummary().map(s -> "finished".equals(s.status())).orElse(false);
    }

    /** A pretrained network with no epochs to train: its weights file stands in for best.params. */
    private static boolean usedAsLoaded(RunConfig cfg) {
        return cfg.train().epochs() == 0 && cfg.model().weights() != null;
    }

    /** The checkpoint to distil from; null for a network {@link #usedAsLoaded}. */
    private static Path bestParams(RunFolder folder, RunConfig cfg) {
        if (usedAsLoaded(cfg)) {
            return null;
        }
        int seed = cfg.train().seeds().get(0);
        for (Stage stage : List.of(Stage.TEACHER, Stage.ASSISTANT, Stage.MODEL, Stage.STUDENT)) {
            Path candidate = folder.checkpointDir(stage, seed).resolve("best.params");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ConfigException("run " + folder.dir() + " has no trained checkpoint (best.params) to teach with");
    }
}
