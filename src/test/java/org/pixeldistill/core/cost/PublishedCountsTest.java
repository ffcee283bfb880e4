package org.pixeldistill.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pixeldistill.core.model.BackboneSpec;

/**
 * Whole backbones at 224 x 224, 3 channels, 1000 classes against the figures published for them
 * (torchvision's and timm's model tables, "GMACs" = 10^9 multiply-accumulates per image), within 2%.
 */
class PublishedCountsTest {

    private static NetworkCost imagenet(String name) {
        return NetworkCounter.count(BackboneSpec.of(name, 224, 3, 1000));
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, 0.02 * expected, what);
    }

    @Test
    void resnet18() {
        NetworkCost c = imagenet("resnet18");
        near(1.82, c.gmacs(), "GMACs");
        // torchvision: 11,689,512 parameters (bias-free convolutions, BN scale/shift, fc with bias)
        assertEquals(11_689_512, c.params());
    }

    @Test
    void resnet50() {
        NetworkCost c = imagenet("resnet50");
        near(4.1, c.gmacs(), "GMACs");
        assertEquals(25_557_032, c.params());
    }

    @Test
    void mobilenetV2() {
        NetworkCost c = imagenet("mobilenet_v2");
        near(0.30, c.gmacs(), "GMACs");
        assertEquals(3_504_872, c.params());
    }

    @Test
    void vitTinyWithAttention() {
        NetworkCost c = imagenet("vit_tiny");
        near(1.26, c.gmacs(), "GMACs");
        assertEquals(5_717_416, c.params()); // timm vit_tiny_patch16_224
    }
}
