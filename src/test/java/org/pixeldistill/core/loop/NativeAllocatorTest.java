package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.train.Network;
import org.pixeldistill.core.train.TrainStep;

/**
 * The malloc settings that stop libtorch's activations being unmapped and faulted in again on
 * every step: whether they are applied, and that a real training step then stops page-faulting.
 */
class NativeAllocatorTest {
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void aUsersOwnMallocSettingsAreKept() {
        assertEquals("left to your GLIBC_TUNABLES",
                NativeAllocator.apply(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2"), true));
        assertEquals("left to your MALLOC_TRIM_THRESHOLD_",
                NativeAllocator.apply(Map.of("MALLOC_TRIM_THRESHOLD_", "0"), true));
        // tunables for something else than malloc do not count as a choice of malloc settings
        assertNull(NativeAllocator.userSetting(Map.of("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F")));
        assertEquals("system default (not Linux)", NativeAllocator.apply(Map.of(), false));
    }

    /**
     * A 28 px ResNet-18 x0.25 step on batch 64 on one thread: with glibc's defaults the training
     * thread faulted about 7,000 pages in a step (its 3 MB activations unmapped and mapped again);
     * with the settings, a few dozen.
     */
    @Test
    void aTrainingStepNoLongerFaultsItsActivationsInAgain() throws IOException {
        assumeTrue(Files.isReadable(THREAD_STAT), "needs Linux's per-thread fault counter");
        assumeTrue(NativeAllocator.userSetting(System.getenv()) == null, "the user's malloc settings are in force");
        assertTrue(NativeAllocator.tune().startsWith("glibc"), NativeAllocator.tune());
        RunConfig cfg = ConfigLoader.parse("name: faults\ndata:\n  dataset: fashion-mnist\n  path: unused\n"
                + "train:\n  epochs: 1\n  batch_size: 64\n  lr: 0.01\n  threads: 1\n", "faults");
        BackboneSpec spec = new BackboneSpec("resnet18", 28, 1, 10, 0.25, "small", 0);
        try (Network student = Network.create(spec, Device.cpu(), 0, true)) {
            TrainStep step = new TrainStep(student, null, cfg.distill(), cfg.train());
            Batch batch = randomBatch(64, 28);
            Map<String, Double> sums = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                step.run(batch, 0, 0.01, sums);
            }
            long before = minorFaultsOfThisThread();
            int steps = 8;
            for (int i = 0; i < steps; i++) {
                step.run(batch, 0, 0.01, sums);
            }
            long perStep = (minorFaultsOfThisThread() - before) / steps;
            assertTrue(perStep < 1000, "page faults per step: " + perStep);
        }
    }

    private static Batch randomBatch(int count, int size) {
        Random random = new Random(0);
        float[] images = new float[count * size * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return new Batch(images, images, labels, count, 1, size, size);
    }

    /** Field 10 of /proc/thread-self/stat; the name in field 2 may hold spaces, so count after its ')'. */
    private static long minorFaultsOfThisThread() throws IOException {
        String stat = Files.readString(THREAD_STAT);
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[7]);
    }
}
