package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.StepTiming;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.pipeline.StepBenchmark;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepPlan;
import org.pixeldistill.core.sweep.SweepRunner;

/** Detector runs on tiny generated scenes: alone, AFP through TAS, and the unaligned baseline. */
class DetectionPipelineTest {
    @TempDir
    Path dir;

    private static String data() {
        return "data:\n  dataset: fashion-mnist-scenes\n  path: " + TinyRuns.DATA + "\n  train_limit: 48\n  test_limit: 16\n"
                + "  interpolation: area\n";
    }

    private static String model(int size, String stem) {
        return "model:\n  backbone: resnet18\n  input_size: " + size + "\n  width: 0.125\n  stem: " + stem + "\n";
    }

    private static String detect(String distill) {
        return "detect:\n  canvas: 56\n  max_items: 2\n  pyramid_channels: 16\n  head_convs: 1\n  anchor_size: 2\n"
                + distill;
    }

    private static final String TRAIN = "train:\n  epochs: 1\n  batch_size: 16\n  lr: 0.01\n  clip_grad_norm: 1.0\n";

    private Path teacher(String levelShift) {
        return TinyRuns.write(dir, "teacher.yaml", "name: det-teacher\n" + data() + model(56, "imagenet")
                + detect(levelShift) + TRAIN);
    }

    @Test
    void afpThroughTasTrainsThreeStagesWithHeadsComparedOneToOne() {
        teacher("");
        Path cfg = TinyRuns.write(dir, "afp.yaml", "name: det-afp\nteacher:\n  config: teacher.yaml\n"
                + "tas:\n  init_from_assistant: false\n" + data() + model(14, "small") + detect("") + TRAIN);
        RunFolder run = new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                .train(TinyRuns.load(cfg));
        List<MetricsRow> rows = run.metrics().rows();
        assertEquals(List.of(Stage.TEACHER, Stage.ASSISTANT, Stage.STUDENT),
                rows.stream().map(MetricsRow::stage).distinct().toList());
        MetricsRow student = rows.get(rows.size() - 1);
        assertTrue(student.losses().keySet().containsAll(List.of("focal", "box", "afp_class", "afp_box", "afp_feature")),
                student.losses().toString());
        assertEquals(Score.MAP50, student.score());
        assertTrue(student.scores().containsKey("map") && student.scores().containsKey("ap50_Trouser"),
                student.scores().toString());
        double map50 = student.testScore();
        assertTrue(map50 >= 0 && map50 <= 100, "mAP50 is a percentage: " + map50);
        RunSummary summary = run.readSummary().orElseThrow();
        assertEquals("finished", summary.status());
        assertEquals(map50, summary.bestScore(), 1e-6, "the score that counts is mAP50");
        assertEquals(Score.MAP50, summary.score());
        // the assistant was trained at the teacher's size with the student's grids (14 -> 7, 4, 2)
        assertTrue(summary.provenance().assistantRun().contains("assistant-resnet18-56"));
    }

    @Test
    void theBenchmarkTimesTheAfpStudentStepWithoutTrainingATeacher() {
        teacher("");
        Path cfg = TinyRuns.write(dir, "afp.yaml", "name: det-afp\nteacher:\n  config: teacher.yaml\n"
                + "tas:\n  init_from_assistant: false\n" + data() + model(14, "small") + detect("") + TRAIN);
        StepTiming r = StepBenchmark.run(TinyRuns.load(cfg), 1, 2);
        assertEquals(2, r.steps());
        assertTrue(r.imagesPerSecond() > 0 && r.dataWait() >= 0 && r.dataWait() < 1, r.toString());
        assertTrue(!Files.exists(dir.resolve("runs")), "nothing was trained or written");
    }

    @Test
    void aDetectorSweepRunsAloneUnalignedAndAfpCellsAndTheirCosts() {
        teacher("");
        Path cfg = TinyRuns.write(dir, "base.yaml", "name: det-sweep\nteacher:\n  config: teacher.yaml\n" + data()
                + model(14, "small") + detect("") + TRAIN);
        var cells = SweepPlan.plan(TinyRuns.load(cfg), new SweepPlan.Options(
                List.of(4), List.of("resnet18"), SweepPlan.DETECTION_METHODS, 1, "none", 0));
        assertEquals(List.of("resnet18-r4-baseline", "resnet18-r4-unaligned", "resnet18-r4-afp"),
                cells.stream().map(SweepCell::id).toList());
        assertEquals(null, cells.get(0).config().teacher());
        assertEquals(false, cells.get(1).config().detect().distill().aligned());
        assertTrue(cells.get(2).config().hasTas() && cells.get(2).config().detect().distill().aligned());
        var runner = new SweepRunner(dir.resolve("runs"), dir.resolve("runs/sweeps/s"),
                new TrainingListener() {}, new Cancellation());
        var results = runner.run(cells, r -> { });
        assertTrue(results.stream().allMatch(r -> "finished".equals(r.summary().status())));
        ConfigException e = assertThrows(ConfigException.class, () -> SweepPlan.plan(
                TinyRuns.load(cfg), new SweepPlan.Options(List.of(4), List.of("resnet18"),
                        List.of("isrd"), 1, "none", 0)));
        assertTrue(e.getMessage().contains("baseline, unaligned, afp"), e.getMessage());
    }

    @Test
    void theUnalignedBaselineDistilsPooledFeaturesOnly() {
        teacher("");
        Path cfg = TinyRuns.write(dir, "plain.yaml", "name: det-plain\nteacher:\n  config: teacher.yaml\n" + data()
                + model(14, "small") + detect("  distill:\n    aligned: false\n") + TRAIN);
        RunFolder run = new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                .train(TinyRuns.load(cfg));
        MetricsRow student = run.metrics().rows().get(run.metrics().rows().size() - 1);
        assertTrue(student.losses().containsKey("feature") && !student.losses().containsKey("afp_class"),
                student.losses().toString());
    }

    @Test
    void anAlignedTeacherWithOtherGridsIsRefusedWithTheShiftToUse() {
        teacher("  level_shift: 1\n");
        Path cfg = TinyRuns.write(dir, "bad.yaml", "name: det-bad\nteacher:\n  config: teacher.yaml\n" + data()
                + model(14, "small") + detect("") + TRAIN);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                        .train(TinyRuns.load(cfg)));
        assertTrue(e.getMessage().contains("level_shift 0"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("runs/teachers")), "refused before the teacher trains");
    }

    @Test
    void aTeacherWithTheAssistantsStemTeachesItByPooledFeaturesAndTheStudentStillGetsAfp() {
        // teacher and student both with the small stem: at 56 the teacher's grids are 28, 14, 7; the
        // student at 28 has 14, 7, 4, and the assistant at 56 takes levels shifted by one to match it
        TinyRuns.write(dir, "teacher.yaml", "name: det-teacher\n" + data() + model(56, "small") + detect("") + TRAIN);
        Path cfg = TinyRuns.write(dir, "afp.yaml", "name: det-afp\nteacher:\n  config: teacher.yaml\n"
                + "tas:\n  init_from_assistant: false\n" + data() + model(28, "small") + detect("") + TRAIN);
        RunFolder run = new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                .train(TinyRuns.load(cfg));
        List<MetricsRow> rows = run.metrics().rows();
        MetricsRow assistant = rows.stream().filter(r -> r.stage() == Stage.ASSISTANT).reduce((a, b) -> b).orElseThrow();
        assertTrue(assistant.losses().containsKey("feature") && !assistant.losses().containsKey("afp_class"),
                assistant.losses().toString());
        MetricsRow student = rows.get(rows.size() - 1);
        assertTrue(student.losses().keySet().containsAll(List.of("afp_class", "afp_box", "afp_feature")),
                student.losses().toString());
    }

    @Test
    void anUnalignedTeacherWithCoarserGridsIsRefusedNamingBoth() {
        teacher(""); // ImageNet stem at 56: grids 7, 4, 2
        Path cfg = TinyRuns.write(dir, "coarse.yaml", "name: det-coarse\nteacher:\n  config: teacher.yaml\n" + data()
                + model(28, "small") + detect("  distill:\n    aligned: false\n") + TRAIN);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                        .train(TinyRuns.load(cfg)));
        assertTrue(e.getMessage().contains("[7, 4, 2] cannot be average-pooled to the student's [14, 7, 4]"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("runs/teachers")), "refused before the teacher trains");
    }

    @Test
    void aClassifierTeacherForADetectorIsRefused() {
        TinyRuns.write(dir, "teacher.yaml", "name: cls\n" + TinyRuns.data(100, 50) + TinyRuns.model(14) + TinyRuns.train(1));
        Path cfg = TinyRuns.write(dir, "bad.yaml", "name: det-bad\nteacher:\n  config: teacher.yaml\n" + data()
                + model(14, "small") + detect("") + TRAIN);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                        .train(TinyRuns.load(cfg)));
        assertTrue(e.getMessage().contains("needs a detector teacher"), e.getMessage());
    }
}
