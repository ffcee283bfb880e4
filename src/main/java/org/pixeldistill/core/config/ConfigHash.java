package org.pixeldistill.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of what determines a trained network: the resolved config without its name and
 * device (neither changes what is learnt). Two configs with the same hash train the same model.
 */
public final class ConfigHash {
    private ConfigHash() {}

    public static String of(RunConfig config) {
        String canonical = ConfigLoader.toYaml(config.withName("run").withDevice("auto"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
