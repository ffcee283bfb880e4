package org.pixeldistill.core.config;

/**
 * A problem with what the user asked for: a config key, a value, a data file. The message is one
 * line that names the key or file, so the CLI and the GUI can show it as it is.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
