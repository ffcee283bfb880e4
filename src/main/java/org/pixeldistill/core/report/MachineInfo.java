package org.pixeldistill.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a report is generated on: cores, CPU model and memory (from /proc where the system
 * has it, otherwise unknown), operating system and Java.
 *
 * @param cpuModel null when unknown
 * @param memoryBytes null when unknown
 */
public record MachineInfo(int cores, String cpuModel, Long memoryBytes, String os, String java) {

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(readOrEmpty("/proc/cpuinfo")),
                memTotal(readOrEmpty("/proc/meminfo")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    }

    /** The first "model name" of /proc/cpuinfo (ARM kernels have none: null). */
    static String cpuModel(String cpuinfo) {
        return cpuinfo.lines().filter(l -> l.startsWith("model name") && l.contains(":"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).filter(s -> !s.isEmpty()).findFirst().orElse(null);
    }

    /** MemTotal of /proc/meminfo, which the kernel gives in KiB. */
    static Long memTotal(String meminfo) {
        return meminfo.lines().filter(l -> l.startsWith("MemTotal:")).findFirst().map(l -> {
            String[] parts = l.substring("MemTotal:".length()).strip().split("\\s+");
            try {
                return Long.parseLong(parts[0]) * 1024;
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** One line: "2 cores, Intel(R) Xeon(R) Processor, 23.5 GiB memory, Linux 6.1 amd64, Java 17.0.9 (...)". */
    public String describe() {
        return String.format(Locale.ROOT, "%d core%s, %s, %s memory, %s, Java %s", cores, cores == 1 ? "" : "s",
                cpuModel == null ? "CPU model unknown" : cpuModel,
                memoryBytes == null ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (double) (1L << 30)),
                os, java);
    }

    private static String readOrEmpty(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | SecurityException e) {
            return ""; // not Linux, or not readable: the report says "unknown"
        }
    }
}
