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

    /** Continues a run from its folder's config and last checkpoints. */
    public RunFolder resume(Path runDir) {
        RunFolder folder = RunFolder.open(runDir);
        RunConfig config = folder.readConfig();
        boolean teacherStage = folder.dir().getParent() != null
                && folder.dir().getParent().getFileName().toString().equals("teachers");
        execute(folder, config, teacherStage ? "teacher" : config.isDistillation() ? "student" : "model");
        return folder;
    }

    void execute(RunFolder folder, RunConfig config, String stage) {
        long start = System.nanoTime();
        Device device = Devices.choose(config.device());
        DataSplits data = DataSets.open(config.data(), Path.of(""));
        BackboneSpec spec = config.model().spec(data.train().channels(), data.train().numClasses());
        checkBuildable("model", spec);
        Normalization norm = Normalization.of(config.data(), data.train().channels());
        AtomicInteger skipped = new AtomicInteger();
        List<SeedResult> results = new ArrayList<>();
        List<String> stages = config.isDistillation() ? List.of("teacher", stage) : List.of(stage);
        SummaryWriter summary = new SummaryWriter(folder, config, stages, data, device, skipped, start,
                OffsetDateTime.now().toString());
        summary.write("running", "", results, null);
        Network teacher = null;
        String teacherRun = null;
        try {
            if (config.isDistillation()) {
                TeacherResolver.Resolved resolved = new TeacherResolver(runsRoot, listener, cancel)
                        .resolve(config, device, data, folder);
                teacher = resolved.network();
                teacherRun = resolved.runDir().toString();
            }
            List<Integer> seeds = config.train().seeds();
            for (int i = 0; i < seeds.size(); i++) {
                Checkpoint checkpoint = new Checkpoint(folder.checkpointDir(stage, seeds.get(i)));
                StageSetup setup = new StageSetup(stage, seeds.get(i), config, spec, device, data, norm.mean(), norm.std(),
                        teacher, checkpoint, folder.metrics(), i + 1, seeds.size(), skipped);
                results.add(new StageTrainer(setup, listener, cancel).run());
                summary.write("running", "", results, teacherRun);
            }
            summary.write("finished", "", results, teacherRun);
        } catch (RunCancelledException e) {
            summary.write("cancelled", e.getMessage(), results, teacherRun);
            throw e;
        } catch (RuntimeException e) {
            summary.write("failed", String.valueOf(e.getMessage()), results, teacherRun);
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

    /** Writes summary.json from the results so far. */
    private record SummaryWriter(RunFolder folder, RunConfig config, List<String> stages, DataSplits data, Device device,
            AtomicInteger skipped, long startNanos, String created) {
        void write(String status, String message, List<SeedResult> results, String teacherRun) {
            List<Double> best = results.stream().map(SeedResult::bestTop1).toList();
            List<Double> last = results.stream().map(SeedResult::lastTop1).toList();
            Engine engine = Engine.getInstance();
            RunSummary.Provenance provenance = new RunSummary.Provenance(ConfigHash.of(config), config.train().seeds(),
                    data.train().name(), config.data().path(), data.train().size(), data.test().size(), skipped.get(),
                    engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), device.toString(),
                    System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    created, (System.nanoTime() - startNanos) / 1e9, teacherRun);
            folder.writeSummary(new RunSummary(config.name(), status, message, stages,
                    results.isEmpty() ? null : Stats.mean(best), results.isEmpty() ? null : Stats.std(best),
                    results.isEmpty() ? null : Stats.mean(last), results.isEmpty() ? null : Stats.std(last),
                    List.copyOf(results), provenance));
        }
    }
}
