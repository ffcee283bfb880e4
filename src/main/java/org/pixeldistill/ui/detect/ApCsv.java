package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.table.CsvTables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Detection view's per-class table as CSV (a Tablesaw table, {@link CsvTables}), with what it
 * was taken from (run, seed, test image, threshold) on every row so that rows of several exports
 * can be pasted together.
 */
final class ApCsv {
    static final List<String> HEADER = List.of("run", "seed", "test_image", "threshold", "class", "ap50_test",
            "objects_here", "teacher_finds", "student_finds");

    private ApCsv() {}

    static void write(Path file, RunFacts facts, int image, double threshold, List<ApRow> rows) {
        AtomicFiles.writeString(file, format(facts, image, threshold, rows));
    }

    static String format(RunFacts facts, int image, double threshold, List<ApRow> rows) {
        StringColumn run = StringColumn.create("run");
        IntColumn seed = CsvTables.integers("seed");
        IntColumn testImage = CsvTables.integers("test_image");
        DoubleColumn thresholds = CsvTables.numbers("threshold", "%.2f", "");
        StringColumn className = StringColumn.create("class");
        DoubleColumn ap50 = CsvTables.numbers("ap50_test");
        List<IntColumn> counts = HEADER.subList(6, 9).stream().map(CsvTables::integers).toList();
        for (ApRow r : rows) {
            run.append(facts.runName());
            seed.append(facts.seed());
            testImage.append(image);
            thresholds.append(threshold);
            className.append(r.className());
            ap50.append(r.ap50());
            counts.get(0).append(r.truthHere());
            counts.get(1).append(r.teacherHere());
            counts.get(2).append(r.studentHere());
        }
        Table table = Table.create("ap", run, seed, testImage, thresholds, className, ap50);
        counts.forEach(table::addColumns);
        return CsvTables.format(table);
    }
}
