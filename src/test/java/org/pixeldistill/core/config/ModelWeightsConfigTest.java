package org.pixeldistill.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** model.weights in configs: a path like the others, absent from configs without it, and train.epochs 0 with it. */
class ModelWeightsConfigTest {

    @Test
    void aRelativePathIsResolvedAgainstTheConfigsFolder() {
        RunConfig cfg = ConfigLoader.load(Path.of("sample-configs/cub-resnet50-pretrained-teacher.yaml"), List.of());
        assertEquals(Path.of("weights/resnet50-imagenet.safetensors").toAbsolutePath().toString(), cfg.model().weights());
        RunConfig set = ConfigLoader.load(Path.of("sample-configs/demo-fashion-mnist-baseline.yaml"),
                List.of("model.weights=w/r18.npz"));
        assertEquals(Path.of("w/r18.npz").toAbsolutePath().toString(), set.model().weights());
    }

    @Test
    void aConfigWithoutWeightsReadsAsBefore() {
        RunConfig cfg = ConfigLoader.load(Path.of("sample-configs/demo-fashion-mnist-baseline.yaml"), List.of());
        assertNull(cfg.model().weights());
        // the written config (and so the hash naming cached teachers) has no weights key
        assertFalse(ConfigLoader.toYaml(cfg).contains("\n  weights:"), ConfigLoader.toYaml(cfg));
        assertTrue(ConfigLoader.toYaml(cfg.withModel(cfg.model().withWeights("/w.safetensors")))
                .contains("weights: /w.safetensors"));
    }

    @Test
    void noEpochsOnlyWithWeights() {
        Path demo = Path.of("sample-configs/demo-fashion-mnist-baseline.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(demo, List.of("train.epochs=0")));
        assertTrue(e.getMessage().contains("train.epochs must be between 1"), e.getMessage());
        RunConfig frozen = ConfigLoader.load(demo, List.of("train.epochs=0", "model.weights=/w.safetensors"));
        assertEquals(0, frozen.train().epochs());
    }
}
