package org.pixeldistill.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

class RunRecordsTest {
    @TempDir
    Path dir;

    private static MetricsRow row(Stage stage, int seed, int epoch, double top1) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("ce", 0.5 + epoch);
        if (stage == Stage.STUDENT) losses.put("isrd", 3.25);
        losses.put("total", 1.5);
        return new MetricsRow(stage, seed, epoch, 0.01, losses, 50, top1, 90, 12.5, 100, 0.02);
    }

    @Test
    void metricsRoundTripWithEveryLossTermInItsOwnColumn() {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv csv = new MetricsCsv(file);
        csv.append(row(Stage.TEACHER, 0, 0, 70));
        csv.append(row(Stage.STUDENT, 1, 0, 60));
        csv.append(row(Stage.STUDENT, 1, 1, 65));
        List<MetricsRow> back = new MetricsCsv(file).rows();
        assertEquals(3, back.size());
        assertEquals(3.25, back.get(1).losses().get("isrd"), 1e-9);
        assertFalse(back.get(0).losses().containsKey("isrd"), "an absent term stays absent");
        assertEquals(65, back.get(2).testScore(), 1e-9);
        assertEquals(Score.TOP1, back.get(2).score());
        assertEquals(1, back.get(2).seed());
        String header = csv.rows().isEmpty() ? "" : MetricsCsv.format(csv.rows()).lines().findFirst().orElseThrow();
        assertEquals("stage,seed,epoch,lr,loss_ce,loss_total,loss_isrd,train_top1,test_top1,test_top5,wall_seconds,"
                + "images_per_second,data_wait", header);
    }

    @Test
    void truncateDropsRedoneEpochs() {
        MetricsCsv csv = new MetricsCsv(dir.resolve("m.csv"));
        csv.append(row(Stage.STUDENT, 0, 0, 60));
        csv.append(row(Stage.STUDENT, 0, 1, 61));
        csv.append(row(Stage.STUDENT, 1, 1, 62));
        csv.truncate(Stage.STUDENT, 0, 1);
        assertEquals(2, new MetricsCsv(dir.resolve("m.csv")).rows().size());
    }

    @Test
    void summaryRoundTrips() {
        RunFolder folder = RunFolder.create(dir, "r");
        RunSummary.Provenance p = new RunSummary.Provenance("abc", List.of(0, 1), "fashion-mnist", "/d", 100, 20, 1,
                "PyTorch", "2.3.1", "0.29.0", "cpu()", "17", "Linux", "now", 3.5, null, null);
        RunSummary s = new RunSummary("r", "finished", "", List.of(Stage.MODEL), Score.TOP1, 80.0, 1.0, 79.0, 2.0,
                List.of(new RunSummary.SeedResult(0, true, 3, 81, 2, 80, 3.0)), p);
        folder.writeSummary(s);
        assertEquals(s, folder.readSummary().orElseThrow());
    }

    @Test
    void aFailedWriteLeavesTheOldFileWhole() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "{\"good\": true}");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("{\"half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("{\"good\": true}", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anAtomicWriteGetsTheModeOfAnyNewFileNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt")); // created under the process's umask
        Path written = dir.resolve("report.md");
        AtomicFiles.writeString(written, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void runFoldersAreNeverReused() {
        Path a = RunFolder.create(dir, "same").dir();
        Path b = RunFolder.create(dir, "same").dir();
        assertTrue(!a.equals(b) && Files.isDirectory(a) && Files.isDirectory(b));
    }

    @Test
    void statsMeanAndSampleSpread() {
        assertEquals(2.0, Stats.mean(List.of(1.0, 2.0, 3.0)), 1e-12);
        assertEquals(1.0, Stats.std(List.of(1.0, 2.0, 3.0)), 1e-12);
        assertEquals(0.0, Stats.std(List.of(5.0)), 1e-12);
    }
}
