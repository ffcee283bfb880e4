package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/**
 * A training step run under its own sub-manager must leave nothing behind on the model's manager;
 * otherwise every step would leak (operations whose first operand is a parameter allocate there).
 */
class StepMemoryTest {

    @Test
    void vitStepAllocatesNothingOnTheModelManager() {
        assertNoGrowth(new BackboneSpec("vit_tiny", 8, 3, 4, 0.25, "auto", 0));
    }

    @Test
    void cnnStepAllocatesNothingOnTheModelManager() {
        assertNoGrowth(new BackboneSpec("resnet18", 8, 3, 4, 0.125, "auto", 0));
    }

    private static void assertNoGrowth(BackboneSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = BackboneRunner.initialised(manager, spec);
            block.getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            });
            NDArray images = manager.randomNormal(new Shape(2, 3, 8, 8));
            step(block, manager, images); // gradients are created on the first backward pass
            int before = ((BaseNDManager) manager).getManagedArrays().size();
            step(block, manager, images);
            step(block, manager, images);
            assertEquals(before, ((BaseNDManager) manager).getManagedArrays().size());
        }
    }

    private static void step(Block block, NDManager manager, NDArray images) {
        try (NDManager stepManager = manager.newSubManager()) {
            NDArray x = images.duplicate();
            x.attach(stepManager);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                FeatureTaps taps = Backbones.forward(block, new ParameterStore(stepManager, false), x, true);
                gc.backward(taps.logits().sum().add(taps.f0().sum()));
            }
        }
    }
}
