package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.run.RunFolder;

/**
 * What the annotation readers clipped, skipped or found empty, kept with the run: one line per
 * split on the console and the whole list (file and object of each) in {@code annotations.txt}
 * of the run folder, so a box that was dropped can be found again after the console is gone.
 */
final class AnnotationReport {
    static final String FILE = "annotations.txt";

    private AnnotationReport() {}

    static void write(RunFolder folder, DetectionSplits data, TrainingListener listener) {
        List<String> lines = new ArrayList<>();
        add(lines, "train", data.train().issues(), listener);
        add(lines, "test", data.test().issues(), listener);
        if (!lines.isEmpty()) {
            AtomicFiles.writeString(folder.dir().resolve(FILE), String.join("\n", lines) + "\n");
        }
    }

    private static void add(List<String> lines, String split, AnnotationIssues issues, TrainingListener listener) {
        if (issues.isEmpty()) {
            return;
        }
        listener.onMessage("annotations (" + split + "): " + issues.summary());
        lines.add("# " + split + ": " + issues.summary());
        lines.addAll(issues.messages());
        if (issues.omittedMessages() > 0) {
            lines.add("(" + issues.omittedMessages() + " more, only counted)");
        }
    }
}
