package org.pixeldistill.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigHash;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.RunSummary.SeedResult;
import org.pixeldistill.core.run.Stats;

/**
 * Runs a config end to end into a run folder: resolves (or first trains) the teacher, trains
 * every seed, and keeps summary.json true at every point (running, finished, failed, cancelled).
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
        RunFolder folder = RunFolder.create(runsRoot, config.name());
        folder.writeConfig(config);
        execute(folder, config, config.isDistillation() ? "student" : "model");
        return folder;
    }

    /**
     * Runs {@code config} in a folder of the caller's choosing (a sweep cell): a new folder starts,
     * a folder holding this config's checkpoints continues from them.
     */
    public RunFolder trainIn(Path dir, RunConfig config) {
        RunFolder folder = RunFolder.at(dir);
        folder.writeConfig(config);
        execute(folder, config, config.isDistillation() ? "student" : "model");
        return folder;
    }

    /** Continues a run from its folder's config and last checkpoints. */
    public RunFolder resume(Path runDir) {
        RunFolder folder = RunFolder.open(runDir);
        RunConfig config = folder.readConfig();
        Path parent = folder.dir().getParent();
        String kind = parent == null ? "" : parent.getFileName().toString();
        String stage = kind.equals("teachers") ? "teacher" : kind.equals("assistants") ? "assistant"
                : config.isDistillation() ? "student" : "model";
        execute(folder, config, stage);
        return folder;
    }

    void execute(RunFolder folder, RunConfig config, String stage) {
        if (config.isDetection()) {
            new DetectionRun(runsRoot, listener, cancel).execute(folder, config, stage);
            return;
        }
        GradMode.offOnThisThread();
        long start = System.nanoTime();
        Device device = Devices.choose(config.device());
        DataSplits data = DataSets.open(config.data(), Path.of(""));
        BackboneSpec spec = config.model().spec(data.train().channels(), data.train().numClasses());
        checkBuildable("model", spec);
        Normalization norm = Normalization.of(config.data(), data.train().channels());
        AtomicInteger skipped = new AtomicInteger();
        List<SeedResult> results = new ArrayList<>();
        List<String> stages = config.hasTas() ? List.of("teacher", "assistant", stage)
                : config.isDistillation() ? List.of("teacher", stage) : List.of(stage);
        if (config.hasTas() && config.tas().initFromAssistant() && spec.isVit()) {
            throw new ConfigException("tas.init_from_assistant: a ViT student cannot start from its assistant's weights"
                    + " (its position embedding is sized for its input); set it to false");
        }
        SummaryWriter summary = new SummaryWriter(folder, config, stages, data.train().name(), data.train().size(),
                data.test().size(), device, skipped, start, OffsetDateTime.now().toString());
        summary.write("running", "", results, null);
        Network teacher = null;
        Sources sources = new Sources(null, null);
        Path initParams = null;
        try {
            if (config.isDistillation()) {
                TeacherResolver resolver = new TeacherResolver(runsRoot, listener, cancel);
                TeacherResolver.Trained trained = resolver.teacher(config, folder);
                sources = new Sources(trained.folder().dir().toString(), null);
                if (config.hasTas()) {
                    trained = resolver.assistant(config, trained, folder);
                    sources = new Sources(sources.teacherRun(), trained.folder().dir().toString());
                    initParams = config.tas().initFromAssistant() ? trained.params() : null;
                }
                teacher = TeacherResolver.open(trained, device, data);
            }
            List<Integer> seeds = config.train().seeds();
            for (int i = 0; i < seeds.size(); i++) {
                Checkpoint checkpoint = new Checkpoint(folder.checkpointDir(stage, seeds.get(i)));
                StageSetup setup = new StageSetup(stage, seeds.get(i), config, spec, device, data, norm.mean(), norm.std(),
                        teacher, initParams, checkpoint, folder.metrics(), i + 1, seeds.size(), skipped);
                results.add(new StageTrainer(setup, listener, cancel).run());
                summary.write("running", "", results, sources);
            }
            summary.write("finished", "", results, sources);
        } catch (RunCancelledException e) {
            summary.write("cancelled", e.getMessage(), results, sources);
            throw e;
        } catch (RuntimeException e) {
            summary.write("failed", String.valueOf(e.getMessage()), results, sources);
            throw e;
        } finally {
            if (teacher != null) {
                teacher.close();
            }
        }
    }

    /** Surfaces size errors (a patch larger than the image) before any data is decoded or trained. */
    static void checkBuildable(String key, BackboneSpec spec) {
        try {
            Backbones.create(spec);
        } catch (ConfigException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** The run folders of the networks this run distilled from (null where there is none). */
    record Sources(String teacherRun, String assistantRun) {}

}
