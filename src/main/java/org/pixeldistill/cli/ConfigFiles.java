package org.pixeldistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.util.BundledFiles;

/**
 * The config file a {@code --config} names: the file itself, or a sample config that ships with
 * the program by its name ({@code --config demo-fashion-mnist-isrd}), so that every command of
 * the README runs without the repository.
 */
final class ConfigFiles {
    private ConfigFiles() {}

    static Path find(Path given) {
        if (given == null || Files.exists(given)) {
            return given;
        }
        return BundledFiles.config(given.toString()).orElseThrow(() -> new ConfigException(
                "config file not found: " + given + " (bundled configs, usable by name: "
                        + String.join(", ", BundledFiles.configNames()) + ")"));
    }
}
