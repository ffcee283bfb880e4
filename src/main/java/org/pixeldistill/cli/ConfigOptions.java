package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import picocli.CommandLine.Option;

/** How a command that trains reads its config: overrides, device and engine threads (train, bench, sweep). */
final class ConfigOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override any config key, e.g. train.epochs=2")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--device", description = "auto | cpu | gpu (overrides the config's device)")
    String device;

    @Option(names = "--threads", description = "libtorch threads per tensor operation, 0 = the default (chosen per step: 1 for tiny steps such as the 7 px demo student, else all cores)")
    Integer threads;

    /** The most --threads may ask for: far more than any CPU here has cores. */
    static final int MAX_THREADS = 1024;

    /** --threads is 0 (the default) to {@link #MAX_THREADS}. */
    void checkThreads() {
        if (threads != null) {
            Check.range("--threads", threads, 0, MAX_THREADS);
        }
    }

    /** Loads the config with the overrides, then fixes the engine's threads before it starts. */
    RunConfig load(Path config) {
        checkThreads();
        List<String> all = new ArrayList<>(overrides);
        if (device != null) {
            all.add("device=" + device);
        }
        RunConfig cfg = ConfigLoader.load(ConfigFiles.find(config), all);
        EngineSettings.threads(threads != null ? threads : cfg.train().threads());
        return cfg;
    }
}
