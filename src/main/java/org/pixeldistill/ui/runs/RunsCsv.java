package org.pixeldistill.ui.runs;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.table.CsvTables;
import org.pixeldistill.core.util.RelativePaths;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The runs table as CSV, a Tablesaw table ({@link CsvTables}: RFC 4180 quoting, six significant
 * digits, an unknown value as an empty cell), written atomically; run folders relative to the
 * file's folder.
 */
public final class RunsCsv {
    public static final List<String> HEADER = List.of("name", "kind", "status", "method", "student", "width",
            "input_size", "best_top1_mean", "best_top1_std", "last_top1_mean", "last_top1_std", "macs", "params",
            "pixels", "kb_jpeg", "kb_png", "kb_raw", "folder");

    private RunsCsv() {}

    public static void write(Path file, List<RunEntry> rows) {
        AtomicFiles.writeString(file, format(rows, file.toAbsolutePath().getParent()));
    }

    /** The CSV text, run folders relative to {@code folder} (where it is saved). */
    public static String format(List<RunEntry> rows, Path folder) {
        StringColumn name = StringColumn.create("name");
        StringColumn kind = StringColumn.create("kind");
        StringColumn status = StringColumn.create("status");
        StringColumn method = StringColumn.create("method");
        StringColumn student = StringColumn.create("student");
        DoubleColumn width = CsvTables.numbers("width");
        IntColumn inputSize = CsvTables.integers("input_size");
        List<DoubleColumn> accuracy = HEADER.subList(7, 11).stream().map(CsvTables::numbers).toList();
        List<LongColumn> counts = HEADER.subList(11, 14).stream().map(CsvTables::longs).toList();
        List<DoubleColumn> kilobytes = HEADER.subList(14, 17).stream().map(CsvTables::numbers).toList();
        StringColumn runFolder = StringColumn.create("folder");
        for (RunEntry e : rows) {
            name.append(e.name());
            kind.append(e.kind());
            status.append(e.status());
            method.append(e.method());
            student.append(e.backbone());
            width.append(e.width());
            if (e.inputSize() > 0) {
                inputSize.append(e.inputSize());
            } else {
                inputSize.appendMissing();
            }
            double[] acc = {e.bestTop1(), e.bestTop1Std(), e.lastTop1(), e.lastTop1Std()};
            for (int i = 0; i < acc.length; i++) {
                accuracy.get(i).append(acc[i]);
            }
            CostReport c = e.cost();
            long[] count = c == null ? null : new long[] {c.macs(), c.params(), c.pixels()};
            double[] kb = c == null ? null : new double[] {c.bytesJpeg() / 1000, c.bytesPng() / 1000, c.bytesRaw() / 1000.0};
            for (int i = 0; i < 3; i++) {
                if (c == null) {
                    counts.get(i).appendMissing();
                    kilobytes.get(i).appendMissing();
                } else {
                    counts.get(i).append(count[i]);
                    kilobytes.get(i).append(kb[i]);
                }
            }
            runFolder.append(RelativePaths.of(folder, e.folder()));
        }
        Table table = Table.create("runs", name, kind, status, method, student, width, inputSize);
        accuracy.forEach(table::addColumns);
        counts.forEach(table::addColumns);
        kilobytes.forEach(table::addColumns);
        return CsvTables.format(table.addColumns(runFolder));
    }
}
