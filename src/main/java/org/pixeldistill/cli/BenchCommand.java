package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.NativeAllocator;
import org.pixeldistill.core.loop.StepTiming;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench --config FILE}: times training steps; the last line is {@code img/s=N data_wait=P}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the training steps of a config (teacher with random weights); ends with img/s=N data_wait=P.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "run config (YAML), e.g. sample-configs/bench-isrd.yaml")
    Path config;


    @Option(names = "--steps", description = "measured steps, at least 1 (default: ${DEFAULT-VALUE})")
    int steps = 20;

    @Option(names = "--warmup", description = "steps run before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 3;



    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        Check.atLeast("--steps", steps, 1);
        Check.atLeast("--warmup", warmup, 0);
        RunConfig cfg = options.load(config);
        System.out.printf(Locale.ROOT, "bench %s: %s at %d%s, batch %d, %d warm-up + %d measured steps%n", cfg.name(),
                cfg.model().backbone(), cfg.model().inputSize(), cfg.isDistillation()
                        ? " distilled with " + cfg.distill().active() : "", cfg.train().batchSize(), warmup, steps);
        StepTiming r = StepBenchmark.run(cfg, warmup, steps, new TrainingListener() {
            @Override
            public void onMessage(String message) {
                System.out.println("-- " + message);
            }
        });
        System.out.printf(Locale.ROOT, "device=%s threads=%s steps=%d seconds=%.2f%n", r.device(),
                r.threads(), r.steps(), r.seconds());
        System.out.println("native memory: " + NativeAllocator.tune());
        System.out.printf(Locale.ROOT, "img/s=%.1f data_wait=%.1f%% teacher_cache=%s%n", r.imagesPerSecond(),
                100 * r.dataWait(), r.teacherCache() ? "on" : "off");
        return 0;
    }
}
