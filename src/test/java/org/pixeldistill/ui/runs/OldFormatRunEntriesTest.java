package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.OldFormatRuns;

/** The runs table lists runs written before scores were named with the scores they recorded. */
class OldFormatRunEntriesTest {
    @TempDir
    Path dir;

    @Test
    void oldRunsTeachersAndSweepCellsShowTheirScores() {
        Path runs = OldFormatRuns.copyTo(dir).resolve("runs");
        Map<String, RunEntry> e = new RunCatalog(runs, RunsFixture.fakeCosts()).scan().stream()
                .collect(Collectors.toMap(RunEntry::name, x -> x));

        RunEntry model = e.get("old-model-20261205-020904");
        assertEquals("cancelled", model.status());
        assertEquals(15.0, model.bestTop1(), 1e-9);
        assertEquals(13.0, model.lastTop1(), 1e-9);
        assertEquals(List.of("model"), model.stages());
        assertEquals(2.7777777777777777, e.get("old-detector-20261205-020846").bestTop1(), 1e-12);
        RunEntry teacher = e.get("old-teacher-51832b776aad");
        assertEquals("teacher", teacher.kind());
        assertEquals(12.0, teacher.bestTop1(), 1e-9);
        RunEntry kd = e.get("resnet18-r2-kd-26aa2c43");
        assertEquals("sweep cell", kd.kind());
        assertEquals(7.0, kd.bestTop1(), 1e-9);
        assertEquals(List.of("teacher", "student"), kd.stages());
    }
}
