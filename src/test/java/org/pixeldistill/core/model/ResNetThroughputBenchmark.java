package org.pixeldistill.core.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Forward + backward time of a batch of 32 (not a unit test: run with {@code
 * -Dpixeldistill.benchmark=true}). Prints images per second for the backbone in {@code
 * -Dbench.name} (default resnet18) at {@code -Dbench.size} (default 56).
 */
@EnabledIfSystemProperty(named = "pixeldistill.benchmark", matches = "true")
class ResNetThroughputBenchmark {

    @Test
    void forwardBackwardBatch32() {
        String name = System.getProperty("bench.name", "resnet18");
        int size = Integer.getInteger("bench.size", 56);
        int batch = 32;
        BackboneSpec spec = new BackboneSpec(name, size, 3, 10, 1.0, "imagenet", 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = BackboneRunner.initialised(manager, spec);
            for (var pair : block.getParameters()) {
                Parameter p = pair.getValue();
                if (p.requiresGradient()) {
                    p.getArray().setRequiresGradient(true);
                }
            }
            NDArray images = manager.randomNormal(new Shape(batch, 3, size, size));
            int warmUp = 2;
            int timed = Integer.getInteger("bench.steps", 8);
            long start = 0;
            for (int step = 0; step < warmUp + timed; step++) {
                if (step == warmUp) {
                    start = System.nanoTime();
                }
                try (NDManager stepManager = manager.newSubManager()) {
                    NDArray x = images.duplicate();
                    x.attach(stepManager);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = Backbones.forward(block, new ParameterStore(stepManager, false), x, true).logits();
                        gc.backward(logits.logSoftmax(1).get(":, 0").mean().neg());
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9 / timed;
            System.out.printf("%s %dx%d batch %d: %.3f s per forward+backward, %.1f img/s%n",
                    name, size, size, batch, seconds, batch / seconds);
        }
    }
}
