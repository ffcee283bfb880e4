package org.pixeldistill.ui.runs;

import static org.pixeldistill.ui.common.CsvText.num;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.ui.common.CsvText;

/** The runs table as CSV (RFC 4180 quoting), written atomically. */
public final class RunsCsv {
    public static final List<String> HEADER = List.of("name", "kind", "status", "method", "student", "width",
            "input_size", "best_top1_mean", "best_top1_std", "last_top1_mean", "last_top1_std", "macs", "params",
            "pixels", "kb_jpeg", "kb_png", "kb_raw", "folder");

    private RunsCsv() {}

    public static void write(Path file, List<RunEntry> rows) {
        AtomicFiles.writeString(file, format(rows));
    }

    public static String format(List<RunEntry> rows) {
        StringBuilder sb = new StringBuilder(CsvText.line(HEADER));
        for (RunEntry e : rows) {
            CostReport c = e.cost();
            List<String> cells = new ArrayList<>(List.of(e.name(), e.kind(), e.status(), e.method(), e.backbone(),
                    num(e.width()), e.inputSize() > 0 ? Integer.toString(e.inputSize()) : "", num(e.bestTop1()),
                    num(e.bestTop1Std()), num(e.lastTop1()), num(e.lastTop1Std())));
            if (c == null) {
                cells.addAll(List.of("", "", "", "", "", ""));
            } else {
                cells.addAll(List.of(Long.toString(c.macs()), Long.toString(c.params()), Long.toString(c.pixels()),
                        num(c.bytesJpeg() / 1000), num(c.bytesPng() / 1000), num(c.bytesRaw() / 1000.0)));
            }
            cells.add(e.folder().toString());
            sb.append(CsvText.line(cells));
        }
        return sb.toString();
    }
}
