package org.pixeldistill.core.config;

/**
 * The settings of one distiller as written under {@code distill:} (for example {@code kd: {alpha:
 * 0.9}}): a record whose components are its YAML keys, filled with METHOD.md's defaults when
 * left out. Each one is described to the rest of the program by its {@link DistillerKind} and
 * registered in {@link DistillerKinds}.
 */
public interface DistillerSettings {
    /**
     * Throws a {@link ConfigException} naming the key when a setting is out of range.
     *
     * @param key where these settings sit in the config, e.g. {@code distill.kd}
     */
    void validate(String key);
}
