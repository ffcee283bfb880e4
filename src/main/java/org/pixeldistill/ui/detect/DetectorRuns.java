package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.ui.runs.RunCatalog;

/**
 * Finds the detector runs under a runs folder: every run folder {@link RunCatalog} finds (ordinary
 * runs, cached teachers and assistants, sweep cells) whose config.yaml has a {@code detect}
 * section. A folder whose config does not read is left out: it could not be inspected anyway.
 */
final class DetectorRuns {
    private DetectorRuns() {}

    static List<DetectorRunChoice> find(Path runsRoot) {
        Path root = runsRoot.toAbsolutePath().normalize();
        List<DetectorRunChoice> out = new ArrayList<>();
        for (Path dir : new RunCatalog(root).runFolders()) {
            try {
                RunFolder folder = RunFolder.open(dir);
                if (!folder.readConfig().isDetection()) {
                    continue;
                }
                String status = folder.readSummary().map(RunSummary::status).orElse("not started");
                String name = root.relativize(dir.toAbsolutePath().normalize()).toString();
                out.add(new DetectorRunChoice(dir, "finished".equals(status) ? name : name + " (" + status + ")"));
            } catch (RuntimeException e) {
                // unreadable config or summary: not offered
            }
        }
        return out;
    }
}
