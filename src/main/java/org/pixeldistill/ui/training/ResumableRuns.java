package org.pixeldistill.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.pixeldistill.core.run.RunFolder;

/** Run folders as Resume sees them: the newest stopped one, and the empty ones a failed start leaves. */
final class ResumableRuns {
    private ResumableRuns() {}

    /** The most recently modified run directly under {@code runsRoot} whose summary says "cancelled". */
    static Optional<Path> newest(Path runsRoot) {
        if (!Files.isDirectory(runsRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(runsRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("summary.json")))
                    .filter(ResumableRuns::isCancelled)
                    .max(Comparator.comparingLong(ResumableRuns::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes a run folder that holds only its config (the run failed before its first record,
     * e.g. on a data folder that does not open), so failed starts do not litter the runs folder.
     */
    static void discardIfUnstarted(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.allMatch(f -> f.getFileName().toString().equals("config.yaml"))) {
                Files.deleteIfExists(dir.resolve("config.yaml"));
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // Leaving the folder is harmless: it shows up as a run without records.
        }
    }

    private static boolean isCancelled(Path dir) {
        try {
            return RunFolder.open(dir).readSummary().map(s -> "cancelled".equals(s.status())).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve("summary.json")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
