package org.pixeldistill.core.pipeline;

import ai.djl.Device;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.NetworkCounter;
import org.pixeldistill.core.model.BackboneSpec;

/**
 * Refuses a batch that cannot fit before anything is allocated for it, instead of an
 * OutOfMemoryError an epoch later. Two lower bounds, each certain to be needed at once: the
 * images the loader keeps ready (workers + 2 batches of float views, on the Java heap), and every
 * layer's output for the whole batch, which the forward pass keeps for the backward pass (the cost
 * model's count, native memory, on the CPU). Both leave things out (a teacher, gradients,
 * weights, the engine's workspace), so a batch they pass can still run out of memory: the run
 * then fails with one line through the run's own catch, unless the operating system kills the
 * process first, which is why the check is made before anything is allocated.
 */
final class BatchMemory {
    private static final long FLOAT_BYTES = 4;

    private BatchMemory() {}

    static void check(RunConfig config, Device device) {
        int batch = config.train().batchSize();
        int size = config.model().inputSize();
        int channels = config.data().dataset().startsWith("fashion-mnist") ? 1 : 3;
        long perImageHeap = (config.data().workers() + 2L) * channels * (long) size * size * FLOAT_BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if ((long) batch * perImageHeap > heap) {
            throw tooLarge(batch, size, perImageHeap, heap, "of images the loader keeps ready (data.workers + 2 batches)",
                    "Java heap (-Xmx)");
        }
        if (!Device.Type.CPU.equals(device.getDeviceType())) {
            return; // a GPU's memory is the engine's to report
        }
        long perImageNative;
        try {
            perImageNative = NetworkCounter.keptActivationBytes(BackboneSpec.from(config.model(), channels, 10));
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            return; // a network the counter cannot build: the run's own error will name it
        }
        long available = availableMemory();
        if (available > 0 && (long) batch * perImageNative > available) {
            throw tooLarge(batch, size, perImageNative, available,
                    "for the layer outputs " + config.model().backbone() + " keeps for its backward pass (cost model)",
                    "memory available");
        }
    }

    private static ConfigException tooLarge(int batch, int size, long perImage, long have, String what, String where) {
        long fits = have / Math.max(1, perImage);
        String advice = fits >= 1 ? "use train.batch_size <= " + fits + " or a smaller model.input_size"
                : "even one image does not fit: use a smaller model.input_size";
        return new ConfigException(String.format(Locale.ROOT,
                "a batch of %d images at %dx%d needs at least %s %s, more than the %s of %s; %s", batch, size, size,
                gb(batch * perImage), what, gb(have), where, advice));
    }

    /**
     * MemAvailable of /proc/meminfo (free plus reclaimable), lowered to what a cgroup v2 limit
     * leaves; else the free physical memory; 0 if unknown.
     */
    static long availableMemory() {
        try {
            long available = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    available = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            Path limit = Path.of("/sys/fs/cgroup/memory.max");
            Path used = Path.of("/sys/fs/cgroup/memory.current");
            if (available > 0 && Files.isReadable(limit) && Files.isReadable(used)) {
                String max = Files.readString(limit).strip();
                if (!max.equals("max")) {
                    available = Math.min(available, Long.parseLong(max) - Long.parseLong(Files.readString(used).strip()));
                }
            }
            if (available > 0) {
                return available;
            }
        } catch (IOException | RuntimeException notLinux) {
            // below
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return 0;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
