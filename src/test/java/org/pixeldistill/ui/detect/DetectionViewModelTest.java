package org.pixeldistill.ui.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.detect.DetectionInspection;
import org.pixeldistill.core.detect.TinyDetectorRuns;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/** The Detection view's state without a toolkit (everything runs on the calling thread). */
class DetectionViewModelTest {
    private final Preferences prefs =
            Preferences.userRoot().node("org/pixeldistill/workbench-test/detection-" + UUID.randomUUID());

    @TempDir
    Path dir;

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    /** Floor 0: the tiny student's boxes all score about 0.01, and the threshold must still have something to cut. */
    private DetectionViewModel model(Path runsRoot) {
        return new DetectionViewModel(runsRoot, TaskRunner.DIRECT, UiThread.DIRECT, prefs, 0f);
    }

    @Test
    void choosingARunShowsItsFirstImageAndTheThresholdFiltersTheBoxes() {
        DetectionViewModel vm = model(TinyDetectorRuns.runsRoot());
        assertEquals(DetectionViewModel.DEFAULT_THRESHOLD, vm.thresholdProperty().get());
        vm.thresholdProperty().set(0);
        vm.runFolderProperty().set(TinyDetectorRuns.student().dir());
        assertEquals(TinyDetectorRuns.TEST_IMAGES, vm.imageCountProperty().get());
        assertEquals(0, vm.indexProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Opened det-student-"), vm.statusProperty().get());
        DetectionInspection all = vm.inspectionProperty().get();
        assertEquals(100, all.student().size());
        assertEquals(100, vm.shownProperty().get().student().size(), "threshold 0 shows every box");

        float median = all.student().get(50).score();
        vm.thresholdProperty().set(median);
        int atMedian = vm.shownProperty().get().student().size();
        assertTrue(atMedian > 0 && atMedian < 100, "a threshold inside the scores hides some boxes: " + atMedian);
        assertEquals(atMedian, vm.apRows().stream().mapToInt(ApRow::studentHere).sum(), "the table counts what is drawn");
        vm.thresholdProperty().set(1.0);
        assertEquals(0, vm.shownProperty().get().student().size());
        assertEquals(0, vm.apRows().stream().mapToInt(ApRow::studentHere).sum());
        assertEquals(100, vm.inspectionProperty().get().student().size(), "nothing was recomputed or lost");

        assertEquals(10, vm.apRows().size());
        assertEquals("T-shirt/top", vm.apRows().get(0).className());
        assertEquals(all.largeTruth().size(), vm.apRows().stream().mapToInt(ApRow::truthHere).sum());
        RunFacts facts = vm.factsProperty().get();
        assertEquals(56, facts.largeSize());
        assertEquals(14, facts.smallSize());
        assertEquals("teacher", facts.teacherRole());
    }

    @Test
    void steppingThroughImagesWrapsAround() {
        DetectionViewModel vm = model(TinyDetectorRuns.runsRoot());
        vm.runFolderProperty().set(TinyDetectorRuns.student().dir());
        vm.next();
        assertEquals(1, vm.shownProperty().get().index());
        vm.indexProperty().set(5);
        assertEquals(5, vm.shownProperty().get().index());
        vm.previous();
        vm.previous();
        assertEquals(3, vm.shownProperty().get().index());
        vm.indexProperty().set(TinyDetectorRuns.TEST_IMAGES - 1);
        vm.next();
        assertEquals(0, vm.shownProperty().get().index());
    }

    @Test
    void aBadFolderGivesAOneLineErrorAndNoPicture() throws Exception {
        DetectionViewModel vm = model(dir);
        vm.runFolderProperty().set(TinyDetectorRuns.student().dir());
        assertNotNull(vm.shownProperty().get());
        Path bad = Files.createDirectories(dir.resolve("not-a-run"));
        vm.runFolderProperty().set(bad);
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("Cannot open not-a-run: ") && status.contains("config.yaml"), status);
        assertFalse(status.contains("\n") || status.contains("Exception"), status);
        assertNull(vm.shownProperty().get());
        assertEquals(0, vm.imageCountProperty().get());
        assertTrue(vm.apRows().isEmpty());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void refreshListsTheDetectorRunsAndReopensTheRememberedOne() {
        DetectionViewModel first = model(TinyDetectorRuns.runsRoot());
        first.refresh();
        // the student and its cached teacher (and the TAS run with its assistant, when another test trained them)
        assertTrue(first.runs().size() >= 2, first.runs().toString());
        assertTrue(first.runs().stream().anyMatch(c -> c.label().startsWith("teachers" + java.io.File.separator + "det-teacher-")));
        assertTrue(first.runs().stream().anyMatch(c -> c.dir().equals(TinyDetectorRuns.student().dir())));
        assertNull(first.runFolderProperty().get(), "nothing is opened unasked the first time");
        first.runFolderProperty().set(TinyDetectorRuns.student().dir());
        first.thresholdProperty().set(0.6);
        first.showTruthProperty().set(false);

        DetectionViewModel again = model(TinyDetectorRuns.runsRoot());
        assertEquals(0.6, again.thresholdProperty().get(), 1e-9);
        assertFalse(again.showTruthProperty().get());
        again.refresh();
        assertEquals(TinyDetectorRuns.student().dir(), again.runFolderProperty().get());
        assertNotNull(again.shownProperty().get());
    }

    @Test
    void anEmptyRunsFolderSaysWhatToDo() {
        DetectionViewModel vm = model(dir.resolve("no-runs"));
        vm.refresh();
        assertTrue(vm.runs().isEmpty());
        assertTrue(vm.statusProperty().get().startsWith("No detector run under"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains(DetectionViewModel.DEMO_CONFIG + " (a teacher, an assistant and an"
                + " AFP student on generated scenes), trains in about 16 min"), vm.statusProperty().get());
    }

    @Test
    void choosingAnotherSeedShowsItsStudentOnTheSameImage() {
        DetectionViewModel vm = model(TinyDetectorRuns.runsRoot());
        vm.runFolderProperty().set(TinyDetectorRuns.twoSeeds().dir());
        assertEquals(java.util.List.of(0, 1), vm.seeds());
        assertEquals(0, vm.seedProperty().get());
        assertEquals(0, vm.factsProperty().get().seed());
        vm.indexProperty().set(3);
        float seed0 = vm.inspectionProperty().get().student().get(0).score();
        vm.seedProperty().set(1);
        assertEquals(1, vm.factsProperty().get().seed(), vm.statusProperty().get());
        assertEquals(3, vm.indexProperty().get());
        assertEquals(3, vm.inspectionProperty().get().index());
        assertFalse(seed0 == vm.inspectionProperty().get().student().get(0).score(), "another network's boxes");
        // another run starts again at its first seed
        vm.runFolderProperty().set(TinyDetectorRuns.student().dir());
        assertEquals(java.util.List.of(0), vm.seeds());
        assertEquals(0, vm.seedProperty().get());
    }

    @Test
    void theApTableExportsAsCsvWithItsRunSeedImageAndThreshold() throws Exception {
        DetectionViewModel vm = model(TinyDetectorRuns.runsRoot());
        Path file = dir.resolve("ap.csv");
        assertFalse(vm.exportApCsv(file), "nothing open, nothing written");
        assertFalse(Files.exists(file));
        vm.runFolderProperty().set(TinyDetectorRuns.student().dir());
        vm.indexProperty().set(2);
        vm.thresholdProperty().set(0.25);
        assertTrue(vm.exportApCsv(file), vm.statusProperty().get());
        java.util.List<String> lines = Files.readAllLines(file);
        assertEquals("run,seed,test_image,threshold,class,ap50_test,objects_here,teacher_finds,student_finds", lines.get(0));
        assertEquals(1 + vm.apRows().size(), lines.size());
        ApRow first = vm.apRows().get(0);
        String name = TinyDetectorRuns.student().dir().getFileName().toString();
        assertTrue(lines.get(1).startsWith(name + ",0,2,0.25," + first.className() + ","), lines.get(1));
        assertTrue(lines.get(1).endsWith("," + first.truthHere() + "," + first.teacherHere() + "," + first.studentHere()),
                lines.get(1));
        assertEquals(dir.toString(), vm.exportDirectoryProperty().get());
    }

    @Test
    void aTasRunCanShowItsTeacherInsteadOfItsAssistantOnTheSameImage() {
        DetectionViewModel vm = model(TinyDetectorRuns.runsRoot());
        vm.runFolderProperty().set(TinyDetectorRuns.tasStudent().dir());
        assertEquals(java.util.List.of("assistant", "teacher"), vm.largeRoles());
        assertEquals("assistant", vm.largeFromProperty().get());
        vm.indexProperty().set(2);
        vm.largeFromProperty().set("teacher");
        assertEquals("teacher", vm.factsProperty().get().teacherRole(), vm.statusProperty().get());
        assertEquals(2, vm.inspectionProperty().get().index());
        // a run trained alone has nothing to choose
        vm.runFolderProperty().set(TinyDetectorRuns.student().dir());
        assertEquals(java.util.List.of("teacher"), vm.largeRoles());
        assertEquals("teacher", vm.largeFromProperty().get());
    }
}
