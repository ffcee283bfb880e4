package org.pixeldistill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resident memory of this process, native (libtorch) included, which the JVM's own counters do
 * not see. Read from /proc on Linux; empty elsewhere.
 */
final class ProcessMemory {
    private ProcessMemory() {}

    /** "rss 812 MB, peak 900 MB", or "" where /proc is not available. */
    static String describe() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "";
        }
        try {
            long rss = -1;
            long peak = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) rss = kilobytes(line);
                if (line.startsWith("VmHWM:")) peak = kilobytes(line);
            }
            return rss < 0 ? "" : String.format(Locale.ROOT, "rss %d MB, peak %d MB", rss / 1024, peak / 1024);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
