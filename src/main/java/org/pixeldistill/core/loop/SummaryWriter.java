package org.pixeldistill.core.loop;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pixeldistill.core.config.ConfigHash;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary.SeedResult;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.run.Stats;

/** Writes a run's summary.json from its results so far (classifier and detector runs alike). */
record SummaryWriter(RunFolder folder, RunConfig config, List<Stage> stages, Score score, String dataset,
        int trainSize, int testSize, Device device, AtomicInteger skipped, long startNanos, String created) {
    /**
     * For a run that failed before its task opened (its data, its network or the engine did not
     * open): what the config says, no sizes yet.
     */
    static SummaryWriter beforeOpen(RunFolder folder, RunConfig config, List<Stage> stages, Device device,
            long startNanos, String created) {
        return new SummaryWriter(folder, config, stages, Score.forDetection(config.isDetection()),
                config.data().dataset(), 0, 0, device, new AtomicInteger(), startNanos, created);
    }

    void write(String status, String message, List<SeedResult> results, Sources sources) {
        List<Double> best = results.stream().map(SeedResult::bestScore).toList();
        List<Double> last = results.stream().map(SeedResult::lastScore).toList();
        String[] engine = engine();
        RunSummary.Provenance provenance = new RunSummary.Provenance(ConfigHash.of(config), config.train().seeds(),
                dataset, config.data().path(), trainSize, testSize, skipped.get(),
                engine[0], engine[1], Engine.getDjlVersion(), device == null ? config.device() : device.toString(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                created, (System.nanoTime() - startNanos) / 1e9, sources == null ? null : sources.teacherRun(),
                sources == null ? null : sources.assistantRun());
        folder.writeSummary(new RunSummary(config.name(), status, message, stages, score,
                results.isEmpty() ? null : Stats.mean(best), results.isEmpty() ? null : Stats.std(best),
                results.isEmpty() ? null : Stats.mean(last), results.isEmpty() ? null : Stats.std(last),
                List.copyOf(results), provenance));
    }

    /** Name and version of the engine; "unknown" when it is the engine that failed to load. */
    private static String[] engine() {
        try {
            Engine engine = Engine.getInstance();
            return new String[] {engine.getEngineName(), engine.getVersion()};
        } catch (RuntimeException | Error e) {
            return new String[] {"unknown", "unknown"};
        }
    }
}
