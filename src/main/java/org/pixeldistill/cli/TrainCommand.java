package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.util.RunsLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train --config FILE [--set k=v ...] [--out DIR] [--device D] | train --resume RUN_DIR}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model or distil a student from a YAML config; records go to a new run folder.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config", description = "run config (YAML), e.g. sample-configs/demo-fashion-mnist-isrd.yaml,"
            + " or a bundled sample config by name, e.g. demo-fashion-mnist-isrd")
    Path config;


    @Option(names = {"--runs", "--out"}, paramLabel = "DIR", description = "folder that holds run folders (default:"
            + " $PDW_RUNS, the workbench's choice, runs/ where it exists in the working directory, else the per-user"
            + " data folder; `info` prints it)")
    Path out;


    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue a stopped run from its last checkpoint")
    Path resume;


    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        if ((config == null) == (resume == null)) {
            throw new ConfigException("train needs either --config FILE or --resume RUN_DIR");
        }
        options.checkThreads();
        if (resume != null && (!options.overrides.isEmpty() || options.device != null)) {
            // a resumed run continues with the config its checkpoints were trained with; a changed
            // key would make its records describe a run that never happened
            throw new ConfigException("train --resume continues a run with its own config; --set and --device cannot"
                    + " change it (start a new run with --config " + resume.resolve("config.yaml") + " --set ...)");
        }
        EngineSettings.threads(options.threads);
        try (CancelOnShutdown shutdown = new CancelOnShutdown()) {
            Cancellation cancel = shutdown.cancellation();
            ConsoleProgress progress = new ConsoleProgress(System.out);
            if (resume != null) {
                RunFolder folder = RunFolder.open(resume);
                System.out.println("resuming " + folder.dir());
                new RunPipeline(RunFolder.runsRootOf(folder.dir()), progress, cancel).resume(folder.dir());
                progress.finished(folder);
                return 0;
            }
            RunConfig cfg = options.load(config);
            RunFolder folder = new RunPipeline(RunsLocation.current(out).dir(), progress, cancel).train(cfg);
            progress.finished(folder);
            return 0;
        }
    }
}
