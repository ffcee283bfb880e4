package org.pixeldistill.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigHashTest {
    private static final String CLASSIFIER = "name: c\ndata:\n  dataset: fashion-mnist\n  path: /data\nmodel:\n"
            + "  backbone: resnet18\n  input_size: 7\n  width: 0.25\n  stem: small\ntrain:\n  epochs: 1\n";

    @Test
    void aClassifierHashesAsItDidBeforeDetectorsExisted() {
        RunConfig c = ConfigLoader.parse(CLASSIFIER, "test");
        // no detect key at all: cached teachers and sweep cells keep their folders (named by this hash)
        assertFalse(ConfigLoader.toYaml(c).contains("detect"), ConfigLoader.toYaml(c));
        // the value computed by the version before the detect section was added
        assertEquals("01f4f871", ConfigHash.of(c).substring(0, 8));
    }

    @Test
    void nameAndDeviceDoNotChangeTheHashButTheDetectSectionDoes() {
        RunConfig c = ConfigLoader.parse(CLASSIFIER, "test");
        assertEquals(ConfigHash.of(c), ConfigHash.of(c.withName("other").withDevice("cpu")));
        RunConfig d = c.withDetect(new DetectConfig(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null));
        assertNotEquals(ConfigHash.of(c), ConfigHash.of(d));
        assertTrue(ConfigLoader.toYaml(d).contains("detect:"));
    }
}
