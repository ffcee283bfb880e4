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
    void aFileWrittenBeforeTablesawReadsWithAbsentTermsAndNaNScoresKeptApart() throws IOException {
        // as the hand-written writer left it: a classifier row without scores, a detector row whose
        // one class has no AP (NaN) and whose other class is not recorded at all (empty)
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "stage,seed,epoch,lr,loss_ce,loss_total,train_top1,test_top1,test_top5,wall_seconds,"
                + "images_per_second,data_wait,score_map50,score_ap50_cat,score_ap50_dog\n"
                + "teacher,0,0,0.0100000,0.500000,1.50000,50.0000,70.0000,90.0000,12.5000,100.000,0.0200000,,,\n"
                + "model,1,2,0.0100000,,1.25000,NaN,40.0000,NaN,3.00000,50.0000,0.00000,40.0000,NaN,\n");
        List<MetricsRow> rows = new MetricsCsv(file).rows();
        assertEquals(Map.of(), rows.get(0).scores());
        assertEquals(Map.of("ce", 0.5, "total", 1.5), rows.get(0).losses());
        MetricsRow det = rows.get(1);
        assertEquals(Map.of("total", 1.25), det.losses(), "an empty loss cell is a term the row does not have");
        assertTrue(Double.isNaN(det.scores().get("ap50_cat")), "NaN is a value");
        assertFalse(det.scores().containsKey("ap50_dog"), "empty is no value");
        assertTrue(Double.isNaN(det.trainTop1()) && Double.isNaN(det.testTop5()));
        assertEquals(2, det.epoch());
        assertEquals(40.0, det.testScore(), "an old detector row's mAP50 came from score_map50");
        // written again, the detector's score has its own column and no row has a value for the dog
        String again = MetricsCsv.format(rows);
        assertTrue(again.startsWith("stage,seed,epoch,lr,loss_ce,loss_total,train_top1,test_top1,test_top5,test_map50,"
                + "wall_seconds,images_per_second,data_wait,score_ap50_cat\n"), again);
        Path rewritten = dir.resolve("again.csv");
        Files.writeString(rewritten, again);
        assertEquals(rows, new MetricsCsv(rewritten).rows());
    }

    @Test
    void perClassColumnsNamedWithCommasQuotesOrLineBreaksRoundTrip() {
        Path file = dir.resolve("metrics.csv");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("ap50_a, b", 0.5);
        scores.put("ap50_say \"hi\"", 0.25);
        scores.put("ap50_two\nlines", Double.NaN);
        new MetricsCsv(file).append(new MetricsRow(Stage.MODEL, 0, 0, 0.01, Map.of("total", 1.0), Score.MAP50, 2, 1, 3, 4, 5, 0, scores));
        MetricsRow back = new MetricsCsv(file).rows().get(0);
        assertEquals(List.copyOf(scores.keySet()), List.copyOf(back.scores().keySet()));
        assertEquals(0.25, back.scores().get("ap50_say \"hi\""));
    }

    @Test
    void aFileTruncatedToItsHeaderOrEmptyReadsAsNoRowsAndGarbageIsNamed() throws IOException {
        MetricsCsv csv = new MetricsCsv(dir.resolve("m.csv"));
        csv.append(row(Stage.STUDENT, 0, 0, 60));
        csv.truncate(Stage.STUDENT, 0, 0);
        assertEquals(1, Files.readAllLines(dir.resolve("m.csv")).size(), "the header stays");
        assertEquals(List.of(), new MetricsCsv(dir.resolve("m.csv")).rows());
        Files.writeString(dir.resolve("m.csv"), "");
        assertEquals(List.of(), new MetricsCsv(dir.resolve("m.csv")).rows());
        Files.writeString(dir.resolve("m.csv"), "stage,seed,epoch,lr\nmodel,zero,0,0.1\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MetricsCsv(dir.resolve("m.csv")));
        assertTrue(e.getMessage().contains("m.csv") && e.getMessage().contains("line 2"), e.getMessage());
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
        assertTrue(Double.isNaN(Stats.mean(List.of())) && Double.isNaN(Stats.std(List.of())));
        assertEquals(2.0, Stats.mean(List.of(1.0, Double.NaN, 3.0)), 1e-12, "a seed without a value is left out");
    }
}
