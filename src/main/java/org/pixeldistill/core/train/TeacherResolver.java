package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigHash;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;

/**
 * Finds or trains the frozen teacher of a distillation run. A teacher named by its config is
 * kept under {@code <runs>/teachers/<name>-<hash>}, keyed by the hash of everything that
 * determines it, so later runs (and sweeps) reuse it instead of training it again; a half-trained
 * one resumes.
 */
final class TeacherResolver {
    record Resolved(Network network, Path runDir) {}

    private final Path runsRoot;
    private final TrainingListener listener;
    private final Cancellation cancel;

    TeacherResolver(Path runsRoot, TrainingListener listener, Cancellation cancel) {
        this.runsRoot = runsRoot;
        this.listener = listener;
        this.cancel = cancel;
    }

    Resolved resolve(RunConfig student, Device device, DataSplits data, RunFolder studentRun) {
        if (student.teacher().run() != null) {
            RunFolder done = RunFolder.open(Path.of(student.teacher().run()));
            return load(done, done.readConfig(), device, data);
        }
        RunConfig teacher = teacherConfig(student);
        String hash = ConfigHash.of(teacher);
        Path dir = runsRoot.resolve("teachers").resolve(teacher.name() + "-" + hash.substring(0, 12));
        RunFolder folder = RunFolder.at(dir);
        boolean finished = folder.readSummary().map(s -> "finished".equals(s.status())).orElse(false);
        if (finished) {
            listener.onMessage("teacher reused from " + dir);
        } else {
            listener.onMessage("teacher not trained yet: training it first in " + dir);
            folder.writeConfig(teacher);
            TrainingListener mirror = new TrainingListener() {
                @Override
                public void onEpoch(MetricsRow row) {
                    studentRun.metrics().append(row);
                }
            };
            new RunPipeline(runsRoot, TrainingListener.all(listener, mirror), cancel).execute(folder, teacher, "teacher");
        }
        return load(folder, teacher, device, data);
    }

    /** The teacher's own config with the student's data section, its overrides, and one seed. */
    static RunConfig teacherConfig(RunConfig student) {
        RunConfig own = ConfigLoader.load(Path.of(student.teacher().config()), student.teacher().set());
        if (own.isDistillation()) {
            throw new ConfigException("teacher.config " + student.teacher().config() + " is itself a distillation run;"
                    + " name a single-model config");
        }
        List<Integer> first = List.of(own.train().seeds().get(0));
        return own.withData(student.data()).withTrain(own.train().withSeeds(first)).withDevice(student.device());
    }

    private Resolved load(RunFolder folder, RunConfig teacher, Device device, DataSplits data) {
        BackboneSpec spec = teacher.model().spec(data.train().channels(), data.train().numClasses());
        int seed = teacher.train().seeds().get(0);
        Path params = null;
        for (String stage : List.of("teacher", "model")) {
            Path candidate = folder.checkpointDir(stage, seed).resolve("best.params");
            if (Files.isRegularFile(candidate)) {
                params = candidate;
                break;
            }
        }
        if (params == null) {
            throw new ConfigException("teacher run " + folder.dir() + " has no trained checkpoint (best.params)");
        }
        Network net = Network.create(spec, device, seed, false);
        try {
            Checkpoint.loadParams(params, net.manager(), List.of(net.block()));
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return new Resolved(net, folder.dir());
    }
}
