package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Stage;

/** The inspector on a tiny real run: a teacher at 56, its student at 14 (r = 4), 8 test scenes. */
class DetectionInspectorTest {
    @TempDir
    Path dir;

    @Test
    void opensTheRunWithItsTeacherTestSplitAndBothViewSizes() {
        try (DetectionInspector in = DetectionInspector.open(TinyDetectorRuns.student().dir())) {
            assertEquals(TinyDetectorRuns.TEST_IMAGES, in.testImageCount());
            assertEquals(10, in.classNames().size());
            assertEquals("T-shirt/top", in.classNames().get(0));
            assertTrue(in.hasTeacher());
            assertEquals("teacher", in.teacherRole());
            assertTrue(in.teacherRunName().startsWith("det-teacher-"), in.teacherRunName());
            assertEquals(Stage.STUDENT, in.stage());
            assertEquals(56, in.largeSize());
            assertEquals(14, in.smallSize());
            DetectionInspection x = in.inspect(3);
            assertEquals(3, x.index());
            assertEquals(List.of(1, 56, 56), List.of(x.large().channels(), x.large().height(), x.large().width()));
            assertEquals(List.of(1, 14, 14), List.of(x.small().channels(), x.small().height(), x.small().width()));
            assertThrows(IndexOutOfBoundsException.class, () -> in.inspect(TinyDetectorRuns.TEST_IMAGES));
        }
    }

    @Test
    void aTasStudentIsShownBesideItsAssistantLoadedWithItsOwnShiftedLevels() {
        RunFolder run = TinyDetectorRuns.tasStudent();
        try (DetectionInspector in = DetectionInspector.open(run.dir(), 0f)) {
            assertEquals("assistant", in.teacherRole());
            assertTrue(in.teacherRunName().startsWith("assistant-resnet18-56-"), in.teacherRunName());
            assertEquals(56, in.largeSize());
            assertEquals(14, in.smallSize());
            DetectionInspection x = in.inspect(2);
            assertEquals(100, x.teacher().size(), "the assistant runs (floor 0: NMS keeps 100)");
            assertInside(x.teacher(), 56);
            assertInside(x.student(), 14);
        }
    }

    @Test
    void theViewsAreDisplayablePixelsAndTheSmallTruthIsTheLargeOneShrunkByR() {
        RunFolder run = TinyDetectorRuns.student();
        var test = DetectionDataSets.open(run.readConfig().data(), run.readConfig().detect()).test();
        try (DetectionInspector in = DetectionInspector.open(run.dir())) {
            for (int i = 0; i < in.testImageCount(); i++) {
                DetectionInspection x = in.inspect(i);
                AnnotatedImage sample = test.sample(i);
                // canvas 56 = the teacher's size: the large view is the scene itself, not normalised
                float[] scene = sample.image().pixels();
                for (int p = 0; p < scene.length; p += 7) {
                    assertEquals(scene[p], x.large().pixels()[p], 1e-5, "pixel " + p + " of image " + i);
                }
                for (float v : x.small().pixels()) {
                    assertTrue(v >= 0 && v <= 1, "small view pixel " + v);
                }
                assertEquals(sample.boxes(), x.largeTruth());
                assertEquals(List.of(sample.labels().length, sample.labels().length),
                        List.of(x.truthLabels().length, x.smallTruth().size()));
                for (int b = 0; b < x.largeTruth().size(); b++) {
                    Box large = x.largeTruth().get(b);
                    Box small = x.smallTruth().get(b);
                    assertEquals(large.x0() / 4, small.x0(), 1e-5);
                    assertEquals(large.y0() / 4, small.y0(), 1e-5);
                    assertEquals(large.x1() / 4, small.x1(), 1e-5);
                    assertEquals(large.y1() / 4, small.y1(), 1e-5);
                    assertEquals(sample.labels()[b], x.truthLabels()[b]);
                }
            }
        }
    }

    @Test
    void detectionsLieInsideTheirOwnViewAndRespectTheFloorAndThreshold() {
        Path run = TinyDetectorRuns.student().dir();
        int teacherBoxes = 0;
        try (DetectionInspector in = DetectionInspector.open(run)) {
            for (int i = 0; i < in.testImageCount(); i++) {
                DetectionInspection x = in.inspect(i);
                teacherBoxes += x.teacher().size();
                x.teacher().forEach(d -> assertTrue(d.score() >= DetectionInspector.SCORE_FLOOR, d.toString()));
                x.student().forEach(d -> assertTrue(d.score() >= DetectionInspector.SCORE_FLOOR, d.toString()));
                assertInside(x.teacher(), 56);
            }
        }
        assertTrue(teacherBoxes > 0, "the tiny teacher finds something above 0.05");
        // the tiny student's scores sit near the focal prior 0.01: a floor of 0 shows where it looks
        try (DetectionInspector in = DetectionInspector.open(run, 0f)) {
            DetectionInspection x = in.inspect(0);
            assertEquals(100, x.student().size(), "NMS keeps at most 100");
            assertInside(x.student(), 14);
            assertInside(x.teacher(), 56);
            for (int k = 1; k < x.student().size(); k++) {
                assertTrue(x.student().get(k - 1).score() >= x.student().get(k).score(), "highest score first");
            }
            float median = x.student().get(50).score();
            DetectionInspection cut = x.atThreshold(median);
            assertTrue(cut.student().size() >= 51 && cut.student().size() < 100, "" + cut.student().size());
            cut.student().forEach(d -> assertTrue(d.score() >= median));
            assertEquals(0, x.atThreshold(1.0).student().size());
            assertEquals(x.largeTruth(), cut.largeTruth(), "the threshold leaves the ground truth alone");
        }
    }

    @Test
    void classApComesFromTheBestEpochsMetricsRowOrIsComputedTheSameWay() throws IOException {
        RunFolder run = TinyDetectorRuns.student();
        Checkpoint.State state = new Checkpoint(run.checkpointDir(Stage.STUDENT, 0)).state().orElseThrow();
        MetricsRow best = run.metrics().rows().stream()
                .filter(r -> r.stage() == Stage.STUDENT && r.epoch() == state.bestEpoch()).findFirst().orElseThrow();
        List<ClassAp> recorded;
        try (DetectionInspector in = DetectionInspector.open(run.dir())) {
            assertTrue(in.apRecorded());
            recorded = in.classAp();
            assertEquals(in.classNames(), recorded.stream().map(ClassAp::className).toList());
            assertEquals(best.scores().get("ap50_Ankle_boot"), recorded.get(9).ap50(), 0.0);
            assertEquals(recorded, in.inspect(0).classAp());
        }
        Path copy = copyRun(run.dir(), dir.resolve("copy"));
        Files.delete(copy.resolve("metrics.csv"));
        try (DetectionInspector in = DetectionInspector.open(copy)) {
            assertFalse(in.apRecorded());
            for (int c = 0; c < recorded.size(); c++) {
                double want = recorded.get(c).ap50();
                double got = in.classAp().get(c).ap50();
                assertEquals(Double.isNaN(want), Double.isNaN(got), "class " + c);
                if (!Double.isNaN(want)) {
                    assertEquals(want, got, 1e-3, "class " + c);
                }
            }
        }
    }

    @Test
    void whatIsNotAFinishedDetectorRunIsRefusedInOneLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty, "no config.yaml");
        assertRefused(dir.resolve("missing"), "does not exist");

        Path classifier = Files.createDirectories(dir.resolve("classifier"));
        Files.writeString(classifier.resolve("config.yaml"), "name: cls\ndata:\n  path: " + TinyDetectorRuns.DATA + "\n");
        assertRefused(classifier, "not a detector run");

        Path running = copyRun(TinyDetectorRuns.student().dir(), dir.resolve("running"));
        RunFolder folder = RunFolder.open(running);
        RunSummary s = folder.readSummary().orElseThrow();
        folder.writeSummary(new RunSummary(s.name(), "running", "", s.stages(), s.score(), s.bestScore(),
                s.bestScoreStd(), s.lastScore(), s.lastScoreStd(), s.seeds(), s.provenance()));
        assertRefused(running, "is running, not finished");

        Path noWeights = copyRun(TinyDetectorRuns.student().dir(), dir.resolve("no-weights"));
        Files.delete(noWeights.resolve("checkpoints/student-seed-0/best.params"));
        assertRefused(noWeights, "no best.params");
    }

    private static void assertRefused(Path folder, String part) {
        ConfigException e = assertThrows(ConfigException.class, () -> DetectionInspector.open(folder).close());
        assertTrue(e.getMessage().contains(part) && !e.getMessage().contains("\n"), e.getMessage());
    }

    private static void assertInside(List<Detection> found, int size) {
        for (Detection d : found) {
            Box b = d.box();
            assertTrue(b.x0() >= 0 && b.y0() >= 0 && b.x1() <= size && b.y1() <= size && !b.isDegenerate(), b.toString());
        }
    }

    private static Path copyRun(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    void eachSeedsStudentCanBeOpenedAndAMissingSeedIsNamed() {
        Path run = TinyDetectorRuns.twoSeeds().dir();
        // floor 0: boxes of a one-epoch detector score near the prior, and both seeds must have some
        try (DetectionInspector first = DetectionInspector.open(run, 0f, null);
                DetectionInspector second = DetectionInspector.open(run, 0f, 1)) {
            assertEquals(0, first.seed());
            assertEquals(1, second.seed());
            assertEquals(List.of(0, 1), second.seeds());
            DetectionInspection a = first.inspect(0);
            DetectionInspection b = second.inspect(0);
            Assertions.assertArrayEquals(a.truthLabels(), b.truthLabels(), "the same test image");
            assertFalse(a.student().get(0).score() == b.student().get(0).score(),
                    "two seeds are two networks: their top scores differ");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> DetectionInspector.open(run, 0f, 5));
        assertTrue(e.getMessage().contains("has no seed 5 (its seeds: [0, 1])"), e.getMessage());
    }

    @Test
    void aTasRunsLargeViewShowsItsAssistantOrOnRequestItsTeacher() {
        Path run = TinyDetectorRuns.tasStudent().dir();
        try (DetectionInspector assistant = DetectionInspector.open(run, 0f, null, null);
                DetectionInspector teacher = DetectionInspector.open(run, 0f, null, "teacher")) {
            assertEquals(List.of("assistant", "teacher"), assistant.largeRoles());
            assertEquals("assistant", assistant.teacherRole());
            assertTrue(assistant.teacherRunName().startsWith("assistant-"), assistant.teacherRunName());
            assertEquals("teacher", teacher.teacherRole());
            assertTrue(teacher.teacherRunName().startsWith("det-teacher-"), teacher.teacherRunName());
            assertFalse(teacher.inspect(0).teacher().isEmpty(), "the teacher's boxes, down to score 0");
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> DetectionInspector.open(TinyDetectorRuns.student().dir(), 0f, null, "assistant"));
        assertTrue(e.getMessage().contains("has no assistant (it has: teacher)"), e.getMessage());
    }
}
