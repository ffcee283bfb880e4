package org.pixeldistill.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.TeacherConfigs;
import org.pixeldistill.ui.TestPrefs;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/** The run configs the setup panel builds, checked against the demo recipes in sample-configs/. */
class SetupViewModelTest {
    /** Cost readouts are not under test here: their work is dropped. */
    private static final TaskRunner NONE = (name, work) -> {};
    private static final Path DEMO = Path.of("assets/fashion-mnist");

    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();

    @AfterEach
    void removePrefs() {
        prefs.close();
    }

    private SetupViewModel vm() {
        return new SetupViewModel(DEMO, runs, prefs.preferences(), NONE, UiThread.DIRECT);
    }

    private static RunConfig sample(String method) {
        return ConfigLoader.load(Path.of("sample-configs/demo-fashion-mnist-" + method + ".yaml"));
    }

    /** The built config equals the sample's, apart from its name and the file its teacher is read from. */
    private static void assertSameRecipe(RunConfig sample, RunConfig built) {
        assertEquals(sample.withName("x").withTeacher(null), built.withName("x").withTeacher(null));
    }

    @Test
    void defaultsAreTheDemoIsrdRecipeAndItsTeacher() {
        RunConfig built = vm().buildConfig();
        assertSameRecipe(sample("isrd"), built);
        assertEquals("isrd-resnet18-7", built.name());
        Path teacherFile = Path.of(built.teacher().config());
        assertTrue(teacherFile.startsWith(runs.resolve("configs")), teacherFile.toString());
        RunConfig teacher = ConfigLoader.load(teacherFile);
        RunConfig demoTeacher = sample("teacher");
        assertEquals(demoTeacher.model(), teacher.model());
        assertEquals(demoTeacher.train(), teacher.train());
        assertFalse(teacher.isDistillation());
    }

    @Test
    void baselineHasNoTeacher() {
        SetupViewModel vm = vm();
        vm.methodProperty().set(Method.BASELINE);
        RunConfig built = vm.buildConfig();
        assertNull(built.teacher());
        assertTrue(built.distill().isEmpty());
        assertNull(built.tas());
        assertSameRecipe(sample("baseline"), built);
        built.validate();
    }

    @Test
    void kdIsTheDemoKdRecipe() {
        SetupViewModel vm = vm();
        vm.methodProperty().set(Method.KD);
        RunConfig built = vm.buildConfig();
        assertSameRecipe(sample("kd"), built);
        assertEquals(List.of("kd"), built.distill().active());
        assertTrue(Files.isRegularFile(Path.of(built.teacher().config())));
    }

    @Test
    void tasHasItsSectionAndTheStageTwoLosses() {
        SetupViewModel vm = vm();
        vm.methodProperty().set(Method.TAS);
        vm.studentWidthProperty().set(0.125);
        RunConfig built = vm.buildConfig();
        assertSameRecipe(sample("tas"), built);
        assertNotNull(built.tas());
        assertTrue(built.tas().initFromAssistant());
        assertEquals(List.of("kd"), built.tas().assistantDistill().active());
        assertEquals(List.of("kd", "isrd", "feature"), built.distill().active());
    }

    @Test
    void atDistilsAttentionOnly() {
        SetupViewModel vm = vm();
        vm.methodProperty().set(Method.AT);
        RunConfig built = vm.buildConfig();
        assertEquals(List.of("at"), built.distill().active());
        assertEquals(1000.0, built.distill().get(AtConfig.class).weight());
    }

    @Test
    void theSliderSetsTheStudentSizeAndEtaFollowsThePaper() {
        SetupViewModel vm = vm();
        assertEquals(List.of(4, 2, 1), vm.ratios());
        assertEquals("7x7 (r = 4)", vm.resolutionTextProperty().get());
        vm.resolutionIndexProperty().set(1);
        assertEquals("14x14 (r = 2)", vm.resolutionTextProperty().get());
        assertEquals(10.0, vm.etaProperty().get());
        RunConfig built = vm.buildConfig();
        assertEquals(14, built.model().inputSize());
        assertEquals(10.0, built.distill().get(IsrdConfig.class).eta());
        assertEquals("isrd-resnet18-14", built.name());
        // A value the user chose is kept.
        vm.etaProperty().set(33.0);
        vm.resolutionIndexProperty().set(0);
        assertEquals(33.0, vm.etaProperty().get());
    }

    @Test
    void aLargerTeacherOffersRatioEightAndKeepsTheRatio() {
        SetupViewModel vm = vm();
        vm.teacherSizeProperty().set(224);
        assertEquals(List.of(8, 4, 2, 1), vm.ratios());
        assertEquals(4, vm.ratio());
        assertEquals(56, vm.studentSizeProperty().get());
    }

    @Test
    void aCubFolderGetsThePhotographRecipe() throws Exception {
        SetupViewModel vm = vm();
        Path cub = Files.createDirectories(runs.resolve("CUB_200_2011"));
        vm.chooseFolder(cub, "cub");
        assertEquals(224, vm.teacherSizeProperty().get(), "the teacher size follows the layout");
        assertEquals(List.of(8, 4, 2, 1), vm.ratios());
        RunConfig built = vm.buildConfig();
        assertEquals("cub", built.data().dataset());
        assertEquals(cub.toAbsolutePath().normalize().toString(), built.data().path());
        assertEquals(56, built.model().inputSize());
        assertEquals("rrc", built.data().crop());
        assertEquals(0.875, built.data().testCrop());
        assertEquals("auto", built.model().stem());
        assertEquals(224, ConfigLoader.load(Path.of(built.teacher().config())).model().inputSize());
    }

    @Test
    void choicesAreRememberedInThePreferencesNode() {
        SetupViewModel first = vm();
        first.methodProperty().set(Method.TAS);
        first.studentBackboneProperty().set("mobilenet_v2");
        first.resolutionIndexProperty().set(1);
        first.epochsProperty().set(11);
        first.bandwidthProperty().set(2.5);
        first.savePreferences();
        SetupChoices restored = vm().choices();
        assertEquals(first.choices(), restored);
        assertEquals(Method.TAS, restored.method());
        assertEquals(2, restored.ratio());
        assertEquals(11, restored.epochs());
    }

    @Test
    void chosenWeightsReachBothConfigsAndAreRemembered() {
        SetupViewModel vm = vm();
        vm.teacherWeightsProperty().set("/w/resnet18-teacher.safetensors");
        vm.studentWeightsProperty().set("/w/resnet18-student.npz");
        RunConfig built = vm.buildConfig();
        assertEquals("/w/resnet18-student.npz", built.model().weights());
        assertEquals("/w/resnet18-teacher.safetensors",
                ConfigLoader.load(Path.of(built.teacher().config())).model().weights());
        vm.savePreferences();
        assertEquals("/w/resnet18-teacher.safetensors", vm().choices().teacherWeights());
        vm.studentWeightsProperty().set("");
        assertNull(vm.buildConfig().model().weights(), "none chosen: a random start");
    }

    @Test
    void theClassroomPresetIsTheDemoOnASlice() {
        SetupViewModel vm = vm();
        vm.methodProperty().set(Method.BASELINE);
        vm.classroomDemo();
        RunConfig built = vm.buildConfig();
        assertEquals(200, built.data().trainLimit(), "the student has few labelled images");
        assertEquals(50, built.train().epochs());
        assertEquals(List.of(0, 1, 2), built.train().seeds(), "three seeds: the charts show mean and spread");
        assertEquals(7, built.model().inputSize());
        assertEquals(0.25, built.model().width());
        assertEquals(List.of("kd", "isrd"), built.distill().active());
        RunConfig teacher = ConfigLoader.load(Path.of(built.teacher().config()));
        assertEquals(28, teacher.model().inputSize());
        assertEquals(6, teacher.train().epochs());
        // the teacher learns from every image of the slice: its own limit wins over the student's data
        assertEquals(0, TeacherConfigs.teacherConfig(built).data().trainLimit());
    }

    @Test
    void theClassroomTooltipSaysWhatThePresetDoes() {
        String text = SetupChoices.classroomSummary();
        assertTrue(text.contains("teacher at 28x28"), text);
        assertTrue(text.contains("student at 7x7 (r = 4)"), text);
        assertTrue(text.contains("only 200 labelled images: 50 epochs, 3 seeds"), text);
        assertTrue(text.contains("tested on 1000 images"), text);
    }

    @Test
    void theClassroomSampleConfigIsThePreset() {
        SetupViewModel vm = vm();
        vm.classroomDemo();
        RunConfig preset = vm.buildConfig();
        RunConfig sample = ConfigLoader.load(Path.of("sample-configs/classroom-demo-isrd.yaml"));
        assertEquals(preset.data().trainLimit(), sample.data().trainLimit());
        assertEquals(preset.data().testLimit(), sample.data().testLimit());
        assertEquals(preset.train().epochs(), sample.train().epochs());
        assertEquals(preset.train().seeds(), sample.train().seeds());
        assertEquals(preset.train().lr(), sample.train().lr());
        assertEquals(preset.model().inputSize(), sample.model().inputSize());
        assertEquals(preset.model().width(), sample.model().width());
        assertEquals(preset.distill(), sample.distill(), "KD and ISRD with the same weights, the same cache");
    }

    @Test
    void aMissingDemoFolderIsOneLineAndAFolderCanBeChosen() {
        SetupViewModel vm = new SetupViewModel(runs.resolve("no-demo-here"), runs, prefs.preferences(), NONE,
                UiThread.DIRECT);
        assertTrue(vm.dataErrorProperty().get().startsWith("demo data not found at "), vm.dataErrorProperty().get());
        assertFalse(vm.dataErrorProperty().get().contains("\n"));
        vm.chooseFolder(DEMO, "fashion-mnist");
        assertEquals("", vm.dataErrorProperty().get());
        assertEquals(DEMO.toAbsolutePath().normalize().toString(), vm.buildConfig().data().path());
    }
}
