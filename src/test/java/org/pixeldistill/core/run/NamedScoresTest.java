package org.pixeldistill.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Checkpoint;

/** summary.json and metrics.csv name their score; records written before they did still read. */
class NamedScoresTest {
    @TempDir
    Path dir;

    @Test
    void anOldSummaryReadsWithItsScoreNamedFromTheRunsConfig() {
        Path root = OldFormatRuns.copyTo(dir);
        RunSummary model = RunFolder.open(root.resolve(OldFormatRuns.MODEL)).readSummary().orElseThrow();
        assertEquals(Score.TOP1, model.score());
        assertEquals(15.0, model.bestScore(), 1e-9, "best_top1 reads as best_score");
        assertEquals(13.0, model.lastScore(), 1e-9);
        assertEquals(List.of(Stage.MODEL), model.stages());
        assertEquals(15.0, model.seeds().get(0).bestScore(), 1e-9);
        assertEquals(13.0, model.seeds().get(0).lastScore(), 1e-9);

        RunSummary detector = RunFolder.open(root.resolve(OldFormatRuns.DETECTOR)).readSummary().orElseThrow();
        assertEquals(Score.MAP50, detector.score(), "an old detector's best_top1 was its mAP50");
        assertEquals(2.7777777777777777, detector.bestScore(), 1e-12);
    }

    @Test
    void anOldDetectorsMetricsReadAsMap50Rows() {
        Path root = OldFormatRuns.copyTo(dir);
        List<MetricsRow> rows = RunFolder.open(root.resolve(OldFormatRuns.DETECTOR)).metrics().rows();
        assertEquals(4, rows.size());
        MetricsRow last = rows.get(3);
        assertEquals(Score.MAP50, last.score());
        assertEquals(2.77778, last.testScore(), 1e-9);
        assertEquals(0.841584, last.scores().get("map"), 1e-9);
        assertEquals(16.6667, last.scores().get("ap50_Dress"), 1e-9);
        assertFalse(last.scores().containsKey("map50"), "the score is the row's, not one of the further scores");
        assertTrue(Double.isNaN(last.trainTop1()));
    }

    @Test
    void anOldCheckpointStateReadsItsScores() {
        Path root = OldFormatRuns.copyTo(dir);
        Checkpoint.State state = new Checkpoint(RunFolder.open(root.resolve(OldFormatRuns.DETECTOR))
                .checkpointDir(Stage.MODEL, 0)).state().orElseThrow();
        assertEquals(2.7777777777777777, state.bestScore(), 1e-12);
        assertEquals(3, state.bestEpoch());
        assertEquals(2.7777777777777777, state.lastScore(), 1e-12);
        assertTrue(state.finished());
    }

    @Test
    void anOldDetectorsMetricsFileIsRewrittenWithItsScoreNamed() throws IOException {
        Path root = OldFormatRuns.copyTo(dir);
        RunFolder run = RunFolder.open(root.resolve(OldFormatRuns.DETECTOR));
        run.metrics().append(new MetricsRow(Stage.MODEL, 0, 4, 0.1, Map.of("total", 1.0), Score.MAP50, 5.5, Double.NaN,
                Double.NaN, 2, 100, 0, Map.of("map", 1.5)));
        List<String> lines = Files.readAllLines(run.dir().resolve("metrics.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertTrue(header.contains("test_map50"), lines.get(0));
        assertFalse(header.contains("test_top1") || header.contains("train_top1") || header.contains("score_map50"),
                "a detector carries no top-1 columns and its mAP50 once: " + lines.get(0));
        List<MetricsRow> back = new MetricsCsv(run.dir().resolve("metrics.csv")).rows();
        assertEquals(List.of(0.0, 0.0, 0.0, 2.77778, 5.5), back.stream().map(MetricsRow::testScore).toList());
        assertEquals(16.6667, back.get(3).scores().get("ap50_Dress"), 1e-9);
    }

    @Test
    void aNewSummarySaysWhichScoreItHas() throws IOException {
        RunFolder run = RunFolder.at(dir.resolve("run"));
        run.writeSummary(new RunSummary("r", "finished", "", List.of(Stage.TEACHER, Stage.STUDENT), Score.MAP50, 21.5,
                0.5, 20.0, 1.0, List.of(new RunSummary.SeedResult(0, true, 3, 21.5, 2, 20.0, 3.0)), null));
        String json = Files.readString(run.dir().resolve("summary.json"));
        assertTrue(json.contains("\"score\" : \"map50\""), json);
        assertTrue(json.contains("\"best_score\" : 21.5") && json.contains("\"last_score_std\" : 1.0"), json);
        assertTrue(json.contains("\"stages\" : [ \"teacher\", \"student\" ]"), json);
        assertFalse(json.contains("top1"), json);
        RunSummary back = run.readSummary().orElseThrow();
        assertEquals(Score.MAP50, back.score(), "a named score is kept, whatever the folder's config");
        assertEquals(20.0, back.seeds().get(0).lastScore(), 1e-9);
    }

    @Test
    void aClassifiersMetricsKeepTheirTop1Columns() throws IOException {
        MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"));
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("ce", 1.0);
        losses.put("total", 1.0);
        csv.append(new MetricsRow(Stage.STUDENT, 0, 0, 0.01, losses, 40, 55.5, 90, 1, 100, 0));
        assertEquals("stage,seed,epoch,lr,loss_ce,loss_total,train_top1,test_top1,test_top5,wall_seconds,"
                + "images_per_second,data_wait", Files.readAllLines(dir.resolve("metrics.csv")).get(0));
        MetricsRow back = new MetricsCsv(dir.resolve("metrics.csv")).rows().get(0);
        assertEquals(Score.TOP1, back.score());
        assertEquals(55.5, back.testScore(), 1e-9);
        assertEquals(Stage.STUDENT, back.stage());
    }
}
