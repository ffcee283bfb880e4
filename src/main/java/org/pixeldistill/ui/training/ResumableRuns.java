package org.pixeldistill.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
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
     * Removes a run folder that holds only its config and the summary saying why it failed (the
     * run failed before its first record, e.g. on a data folder that does not open), so failed
     * starts do not litter the runs folder.
     */
    static void discardIfUnstarted(Path dir) {
        // config.yaml and the summary.json that says why it failed, and nothing trained
        Set<String> unstarted = Set.of("config.yaml", "summary.json");
        try (Stream<Path> files = Files.list(dir)) {
            if (files.allMatch(f -> unstarted.contains(f.getFileName().toString()))) {
                for (String name : unstarted) {
                    Files.deleteIfExists(dir.resolve(name));
                }
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
