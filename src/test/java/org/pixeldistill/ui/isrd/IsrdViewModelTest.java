package org.pixeldistill.ui.isrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.core.inspect.TinyDistillation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.train.EpochModels;
import org.pixeldistill.ui.common.UiThread;

/** The view-model without a toolkit: the listener on live networks, choices, remembered settings. */
class IsrdViewModelTest {
    private static TinyDistillation run;
    private final Preferences prefs =
            Preferences.userRoot().node("org/pixeldistill/workbench-test/isrd-" + UUID.randomUUID());

    @BeforeAll
    static void train() {
        run = new TinyDistillation("resnet18", "kd: {}\n  isrd: {}", 2);
    }

    @AfterAll
    static void close() {
        run.close();
    }

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void eachEpochOfTheStudentBecomesTheShownSnapshot() {
        IsrdViewModel vm = new IsrdViewModel(UiThread.DIRECT, 6, prefs);
        TrainingListener listener = vm.listener();
        listener.onEpochModels(run.models(0));
        InspectionSnapshot shown = vm.snapshotProperty().get();
        assertNotNull(shown);
        assertEquals(6, shown.images().size());
        assertEquals("attention", shown.mapKind());
        assertEquals(2, shown.featureStage(), "auto: the deepest stage with a 3x3 or larger student map");
        assertEquals(4, shown.images().get(0).studentMapSize());
        assertEquals(4, vm.stageCountProperty().get());
        assertNotNull(shown.images().get(0).reconstruction());
        assertTrue(vm.statusProperty().get().contains("6 images inspected"), vm.statusProperty().get());

        listener.onEpochModels(run.models(1));
        assertEquals(1, vm.snapshotProperty().get().epoch());
    }

    @Test
    void switchingKindOrStagePicksAnotherSnapshotOfTheSameEpoch() {
        IsrdViewModel vm = new IsrdViewModel(UiThread.DIRECT, 3, prefs);
        vm.listener().onEpochModels(run.models(4));
        vm.mapKindProperty().set("gradcam");
        assertEquals("gradcam", vm.snapshotProperty().get().mapKind());
        assertEquals(4, vm.snapshotProperty().get().epoch());
        vm.featureStageProperty().set(2);
        InspectionSnapshot stage2 = vm.snapshotProperty().get();
        assertEquals(2, stage2.featureStage());
        assertEquals(7, stage2.images().get(0).teacherMapSize());
        assertEquals(4, stage2.images().get(0).studentMapSize());
    }

    @Test
    void byDefaultThePanelFollowsTheStageThatTrainsAndANewRunClearsTheOldPictures() {
        IsrdViewModel vm = new IsrdViewModel(UiThread.DIRECT, 2, null);
        assertEquals("current", vm.trainingStageProperty().get());
        vm.listener().onEpochModels(run.models(0));
        assertNotNull(vm.snapshotProperty().get(), "the student's epoch is shown");
        vm.listener().onStageStart(new TrainingListener.StageStart(Stage.TEACHER, 0, 0, 6, 10, 1, 1, "teacher"));
        assertNull(vm.snapshotProperty().get(), "a new run: the earlier pictures are gone");
        assertTrue(vm.statusProperty().get().startsWith("Training the teacher"), vm.statusProperty().get());
        EpochModels teacherEpoch = new EpochModels(Stage.TEACHER, 0, 0, run.student, null, List.of(), run.sampler,
                run.data.test());
        vm.listener().onEpochModels(teacherEpoch);
        assertEquals("teacher", vm.snapshotProperty().get().stage(), "during the teacher's stage the panel shows it");
    }

    @Test
    void onlyTheFollowedTrainingStageIsInspected() {
        IsrdViewModel vm = new IsrdViewModel(UiThread.DIRECT, 2, prefs);
        vm.trainingStageProperty().set("teacher");
        vm.listener().onEpochModels(run.models(0)); // a "student" epoch
        assertNull(vm.snapshotProperty().get());
        vm.trainingStageProperty().set("student");
        EpochModels single = new EpochModels(Stage.MODEL, 0, 0, run.student, null, List.of(), run.sampler, run.data.test());
        vm.listener().onEpochModels(single);
        InspectionSnapshot shown = vm.snapshotProperty().get();
        assertEquals("model", shown.stage());
        assertNull(shown.images().get(0).teacherMap());
        assertNull(shown.images().get(0).reconstruction());
        vm.enabledProperty().set(false);
        vm.listener().onEpochModels(run.models(9));
        assertSame(shown, vm.snapshotProperty().get());
    }

    @Test
    void aFailingInspectionBecomesTheStatusLineAndTrainingGoesOn() {
        IsrdViewModel vm = new IsrdViewModel(UiThread.DIRECT, 2, prefs);
        ImageDataset broken = new BrokenTestSplit(run.data.test());
        vm.listener().onEpochModels(new EpochModels(Stage.STUDENT, 0, 2, run.student, run.teacher, List.of(), run.sampler,
                broken));
        assertEquals("Inspection failed after epoch 3: image.png does not decode", vm.statusProperty().get());
        assertNull(vm.snapshotProperty().get());
    }

    @Test
    void choicesAreRemembered() {
        IsrdViewModel first = new IsrdViewModel(UiThread.DIRECT, 2, prefs);
        first.mapKindProperty().set("gradcam");
        first.featureStageProperty().set(3);
        first.trainingStageProperty().set("assistant");
        IsrdViewModel second = new IsrdViewModel(UiThread.DIRECT, 2, prefs);
        assertEquals("gradcam", second.mapKindProperty().get());
        assertEquals(3, second.featureStageProperty().get());
        assertEquals("assistant", second.trainingStageProperty().get());
    }

    /** A test split whose images do not decode. */
    private record BrokenTestSplit(ImageDataset inner) implements ImageDataset {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public int label(int index) {
            return inner.label(index);
        }

        @Override
        public RawImage image(int index) {
            throw new ConfigException("image.png does not decode");
        }

        @Override
        public List<String> classNames() {
            return inner.classNames();
        }

        @Override
        public int channels() {
            return inner.channels();
        }
    }
}
