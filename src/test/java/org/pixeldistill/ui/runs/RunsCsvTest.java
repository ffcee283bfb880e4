package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.table.CsvTables;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class RunsCsvTest {
    private static RunEntry entry(Path folder, String name, String status) {
        return new RunEntry(folder, name, "run", status, "kd", "resnet18", 0.25, 0, 81.5, Double.NaN, 80, 0.5,
                List.of("student"), null, null, "");
    }

    @Test
    void namesWithCommasQuotesAndLineBreaksReadBackAndFoldersAreRelativeToTheFile() {
        Path exports = Path.of("/home/someone/exports");
        List<RunEntry> rows = List.of(entry(Path.of("/home/someone/runs/a, \"b\""), "a, \"b\"", "failed: out of memory,\nagain"),
                entry(Path.of("/home/someone/runs/c"), "c", "finished"));
        String csv = RunsCsv.format(rows, exports);
        Table back = CsvTables.parse(csv, "runs", c -> ColumnType.STRING);
        assertEquals(RunsCsv.HEADER, back.columnNames());
        assertEquals(List.of("a, \"b\"", "c"), back.stringColumn("name").asList());
        assertEquals("failed: out of memory,\nagain", back.stringColumn("status").get(0));
        assertEquals(List.of("../runs/a, \"b\"", "../runs/c"), back.stringColumn("folder").asList());
        // unknown values are empty cells: no input size, no spread, no cost
        assertEquals(List.of("0.250000", "", "81.5000", "", "80.0000", "0.500000", "", ""),
                List.of("width", "input_size", "best_top1_mean", "best_top1_std", "last_top1_mean", "last_top1_std", "macs",
                        "kb_raw").stream().map(c -> back.stringColumn(c).get(1)).toList());
    }
}
