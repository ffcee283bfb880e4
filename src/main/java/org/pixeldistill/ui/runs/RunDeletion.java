package org.pixeldistill.ui.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pixeldistill.core.util.Texts;

/**
 * Deletes run folders, but only run folders strictly inside the runs folder: a wrong path from a
 * stale row or a symbolic link must never take anything else with it.
 */
public final class RunDeletion {
    /** What happened: how many folders went, and why each refused one stayed. */
    public record Result(int deleted, List<String> refused) {
        public Result {
            refused = List.copyOf(refused);
        }
    }

    private RunDeletion() {}

    public static Result delete(RunCatalog catalog, List<Path> folders) {
        int deleted = 0;
        List<String> refused = new ArrayList<>();
        for (Path folder : folders) {
            if (!catalog.contains(folder)) {
                refused.add(folder + " is not inside the runs folder " + catalog.runsRoot());
            } else if (!Files.isRegularFile(folder.resolve("config.yaml"))) {
                refused.add(folder + " is not a run folder (no config.yaml)");
            } else {
                try {
                    deleteTree(folder);
                    deleted++;
                } catch (UncheckedIOException e) {
                    refused.add(folder + ": " + Texts.oneLine(e));
                }
            }
        }
        return new Result(deleted, refused);
    }

    /** Deepest first; symbolic links are removed, never followed. */
    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
