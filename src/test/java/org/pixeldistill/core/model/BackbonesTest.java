package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;

class BackbonesTest {

    @Test
    void autoPatchSizeLeavesAtLeastAThreeByThreeGrid() {
        assertEquals(16, Backbones.autoPatchSize(224));
        assertEquals(16, Backbones.autoPatchSize(56));
        assertEquals(8, Backbones.autoPatchSize(28));
        assertEquals(8, Backbones.autoPatchSize(32));
        assertEquals(4, Backbones.autoPatchSize(14));
        assertEquals(2, Backbones.autoPatchSize(7));
        assertEquals(1, Backbones.autoPatchSize(5));
        assertEquals(1, Backbones.autoPatchSize(2));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Backbones.create(BackboneSpec.of("resnet19", 28, 1, 10)));
        assertEquals("unknown backbone 'resnet19' (known: resnet18, resnet34, resnet50, mobilenet_v2, "
                + "vit_tiny, vit_small)", e.getMessage());
        assertThrows(ConfigException.class, () -> Backbones.describe("vgg16"));
    }

    @Test
    void vitPatchLargerThanTheImageIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("vit_tiny", 7, 1, 10, 1.0, "auto", 16)));
        assertTrue(e.getMessage().startsWith("input_size 7 is too small for vit_tiny: "), e.getMessage());
    }

    @Test
    void imagenetStemOnTinyInputsIsRefused() {
        // 16 -> 8 (conv) -> 4 (pool) -> 4 -> 2 -> 1, and stage 4 would downsample the 1x1 map
        ConfigException e = assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("resnet50", 16, 3, 10, 0.25, "imagenet", 0)));
        assertTrue(e.getMessage().startsWith("input_size 16 is too small for resnet50: "), e.getMessage());
        assertTrue(e.getMessage().contains("stage 4"), e.getMessage());
        // one pixel more is enough: 17 -> 9 -> 5 -> 5 -> 3 -> 2 -> 1
        Backbones.create(new BackboneSpec("resnet50", 17, 3, 10, 0.25, "imagenet", 0));
        assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("mobilenet_v2", 8, 3, 10, 1.0, "imagenet", 0)));
        assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("resnet18", 4, 3, 10, 1.0, "small", 0)));
    }

    @Test
    void badStemAndCountsAreConfigErrors() {
        assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("resnet18", 28, 1, 10, 1.0, "tiny", 0)));
        assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("resnet18", 28, 1, 0, 1.0, "auto", 0)));
        assertThrows(ConfigException.class,
                () -> Backbones.create(new BackboneSpec("resnet18", 28, 1, 10, 0.0, "auto", 0)));
    }

    @Test
    void everyNameHasADescription() {
        for (String name : Backbones.NAMES) {
            String line = Backbones.describe(name);
            assertTrue(line.startsWith(name + ": ") && !line.contains("\n"), line);
        }
    }

    /** The published parameter counts (torchvision / timm, 1000 classes) pin the architectures down. */
    @Test
    void parameterCountsMatchThePublishedNetworks() {
        assertEquals(11_689_512, trainableParameters(BackboneSpec.of("resnet18", 224, 3, 1000)));
        assertEquals(21_797_672, trainableParameters(BackboneSpec.of("resnet34", 224, 3, 1000)));
        assertEquals(25_557_032, trainableParameters(BackboneSpec.of("resnet50", 224, 3, 1000)));
        assertEquals(3_504_872, trainableParameters(BackboneSpec.of("mobilenet_v2", 224, 3, 1000)));
        assertEquals(5_717_416, trainableParameters(BackboneSpec.of("vit_tiny", 224, 3, 1000)));
        assertEquals(22_050_664, trainableParameters(BackboneSpec.of("vit_small", 224, 3, 1000)));
    }

    private static long trainableParameters(BackboneSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = BackboneRunner.initialised(manager, spec);
            long count = 0;
            for (var pair : block.getParameters()) {
                Parameter p = pair.getValue();
                if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                    count += p.getArray().size();
                }
            }
            return count;
        }
    }
}
