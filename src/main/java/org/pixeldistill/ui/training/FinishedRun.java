package org.pixeldistill.ui.training;

import java.nio.file.Path;
import java.util.Locale;
import org.pixeldistill.core.run.RunFolder;

/**
 * A run that ended well, as the status line tells it: its folder and ", best test top-1 85.2 %"
 * (a detector: ", best test mAP50 21.7 %"), or "" when summary.json says nothing usable.
 */
record FinishedRun(Path dir, String best) {
    /** Reads summary.json; call it on the training thread, JSON is slow the first time. */
    static FinishedRun of(Path dir) {
        try {
            RunFolder folder = RunFolder.open(dir);
            String best = folder.readSummary()
                    .filter(s -> s.bestScore() != null)
                    .map(s -> String.format(Locale.ROOT, ", best test %s %.1f %%", s.score().label(), s.bestScore()))
                    .orElse("");
            return new FinishedRun(dir, best);
        } catch (RuntimeException e) {
            return new FinishedRun(dir, ""); // the run is done all the same; only the score line is missing
        }
    }
}
