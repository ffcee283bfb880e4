package org.pixeldistill.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pixeldistill.core.util.Texts;

/** The text the Open action shows: a run's config.yaml and summary.json as written on disk. */
public final class RunDetails {
    private RunDetails() {}

    public static String text(Path folder) {
        return folder + "\n\n# config.yaml\n" + file(folder.resolve("config.yaml")) + "\n# summary.json\n"
                + file(folder.resolve("summary.json"));
    }

    private static String file(Path file) {
        if (!Files.isRegularFile(file)) {
            return "(missing)\n";
        }
        try {
            String text = Files.readString(file);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException | RuntimeException e) {
            return "(cannot read: " + Texts.oneLine(e) + ")\n";
        }
    }
}
