package org.pixeldistill.ui.detect;

import static org.pixeldistill.ui.common.CsvText.num;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.ui.common.CsvText;

/**
 * The Detection view's per-class table as CSV, with what it was taken from (run, seed, test image,
 * threshold) on every row so that rows of several exports can be pasted together.
 */
final class ApCsv {
    static final List<String> HEADER = List.of("run", "seed", "test_image", "threshold", "class", "ap50_test",
            "objects_here", "teacher_finds", "student_finds");

    private ApCsv() {}

    static void write(Path file, RunFacts facts, int image, double threshold, List<ApRow> rows) {
        AtomicFiles.writeString(file, format(facts, image, threshold, rows));
    }

    static String format(RunFacts facts, int image, double threshold, List<ApRow> rows) {
        StringBuilder sb = new StringBuilder(CsvText.line(HEADER));
        for (ApRow r : rows) {
            sb.append(CsvText.line(List.of(facts.runName(), Integer.toString(facts.seed()), Integer.toString(image),
                    String.format(Locale.ROOT, "%.2f", threshold), r.className(), num(r.ap50()),
                    Integer.toString(r.truthHere()), Integer.toString(r.teacherHere()), Integer.toString(r.studentHere()))));
        }
        return sb.toString();
    }
}
