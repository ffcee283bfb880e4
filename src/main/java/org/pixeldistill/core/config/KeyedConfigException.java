package org.pixeldistill.core.config;

/**
 * A binding error inside {@link ConfigLoader} that knows the key it is about ("" when none), so
 * the loader can say whether the file or a {@code --set} argument gave the value.
 */
final class KeyedConfigException extends ConfigException {
    private final String key;

    KeyedConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    String key() {
        return key;
    }
}
