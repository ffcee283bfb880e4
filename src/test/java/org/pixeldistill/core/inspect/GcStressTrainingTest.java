package org.pixeldistill.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.data.BatchLoader;

/**
 * Training must not depend on when the garbage collector runs. Two use-after-free paths made it
 * so (random NaN losses in the first batches): numbers on the gradient tape in Java memory the
 * collector frees (fixed by Scalars) and oneDNN's convolution backward reading unwritten channel
 * blocks, which freed memory fills (fixed by PaddedConv2d). Here a thread collects all the time
 * while a tiny KD + ISRD distillation trains, and every batch's losses must equal, bit for bit,
 * those of the same batches trained without it. Before either fix every such run went NaN.
 */
class GcStressTrainingTest {
    private static final int BATCHES = 4;

    @Test
    void lossesDoNotDependOnGarbageCollection() throws InterruptedException {
        List<Map<String, Double>> quiet = train(false);
        List<Map<String, Double>> collected = train(true);
        assertEquals(quiet, collected);
    }

    private static List<Map<String, Double>> train(boolean collectAllTheTime) throws InterruptedException {
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        List<Map<String, Double>> losses = new ArrayList<>();
        try (TinyDistillation t = new TinyDistillation("resnet18", "kd: {}\n  isrd: {}", 0);
                BatchLoader loader = new BatchLoader(t.data.train(), t.sampler, 32, true, 0, 0, 1)) {
            if (collectAllTheTime) {
                collector.start();
            }
            for (int b = 0; b < BATCHES && loader.hasNext(); b++) {
                Map<String, Double> sums = new TreeMap<>();
                t.step.run(loader.next(), 0, 0.05, sums);
                losses.add(sums);
            }
        } finally {
            collector.interrupt();
            collector.join();
        }
        return losses;
    }
}
