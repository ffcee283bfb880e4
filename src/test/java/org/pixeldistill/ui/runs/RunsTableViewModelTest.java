package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.PretrainedWeights;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.train.Network;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/** Runs table actions without a toolkit: load, compare, open, delete (inside the runs folder only), CSV. */
class RunsTableViewModelTest {
    @TempDir
    Path tmp;
    Path root;
    Preferences prefs;
    RunsTableViewModel vm;

    @BeforeEach
    void setUp() {
        root = tmp.resolve("runs");
        RunsFixture.run(root.resolve("base-1"), RunsFixture.config("base", "resnet18", 7, "baseline"), "finished", 70, 0.5, 3);
        RunsFixture.run(root.resolve("isrd-1"), RunsFixture.config("isrd", "resnet18", 7, "isrd"), "finished", 80, 0.25, 3);
        RunsFixture.run(root.resolve("teachers/t-1"), RunsFixture.config("t", "resnet18", 28, "baseline"), "failed", 0, 0, 1);
        prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());
        vm = new RunsTableViewModel(new RunCatalog(root, RunsFixture.fakeCosts()), TaskRunner.DIRECT, UiThread.DIRECT,
                prefs);
        vm.refresh();
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private RunEntry row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void refreshListsEveryRunWithItsCosts() {
        assertEquals(List.of("base-1", "isrd-1", "t-1"), vm.rows().stream().map(RunEntry::name).toList());
        assertEquals(49_000L, row("isrd-1").cost().macs());
        assertEquals("3 runs", vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());

        RunsFixture.run(root.resolve("kd-1"), RunsFixture.config("kd", "resnet18", 14, "kd"), "finished", 75, 0, 2);
        vm.refresh();
        assertEquals(4, vm.rows().size());
        assertEquals(196_000L, row("kd-1").cost().macs());
    }

    @Test
    void compareReadsTheFinalStageCurvesAveragedOverSeeds() {
        vm.compare(List.of(row("base-1"), row("isrd-1")));

        assertEquals(2, vm.compareCurves().size());
        RunCurve isrd = vm.compareCurves().get(1);
        assertEquals("isrd-1", isrd.name());
        assertEquals("model", isrd.stage());
        // seed 0: 80 - (2 - e), seed 1 one point lower: the mean is 79.5 - (2 - e)
        assertEquals(List.of(new RunCurve.Point(1, 77.5), new RunCurve.Point(2, 78.5), new RunCurve.Point(3, 79.5)),
                isrd.top1());
        // loss_total 2 - 0.5 e + seed: mean 2.5 - 0.5 e
        assertEquals(List.of(new RunCurve.Point(1, 2.5), new RunCurve.Point(2, 2.0), new RunCurve.Point(3, 1.5)),
                isrd.loss());
        assertEquals("Comparing 2 runs", vm.statusProperty().get());
    }

    @Test
    void compareNamesRunsWithoutCurves() throws Exception {
        Files.delete(root.resolve("base-1/metrics.csv"));
        vm.compare(List.of(row("base-1")));
        assertTrue(vm.compareCurves().get(0).top1().isEmpty());
        assertTrue(vm.statusProperty().get().contains("base-1: no metrics.csv"), vm.statusProperty().get());
    }

    @Test
    void openShowsConfigAndSummary() {
        vm.open(row("isrd-1"));
        String text = vm.detailsProperty().get();
        assertTrue(text.contains("# config.yaml") && text.contains("backbone: resnet18") && text.contains("isrd:"), text);
        assertTrue(text.contains("# summary.json") && text.contains("\"status\" : \"finished\""), text);
        assertEquals(root.resolve("isrd-1").toAbsolutePath().normalize(), vm.openedRunProperty().get());
    }

    @Test
    void deleteNeedsConfirmationThenRemovesTheFolderAndRefreshes() {
        RunEntry base = row("base-1");
        assertEquals(0, vm.delete(List.of(base), false).deleted());
        assertTrue(Files.isDirectory(base.folder()));
        assertEquals("Nothing deleted", vm.statusProperty().get());

        RunDeletion.Result result = vm.delete(List.of(base), true);

        assertEquals(1, result.deleted());
        assertFalse(Files.exists(base.folder()));
        assertEquals(List.of("isrd-1", "t-1"), vm.rows().stream().map(RunEntry::name).toList());
        assertEquals("Deleted 1 run. 2 runs", vm.statusProperty().get());
    }

    @Test
    void deleteRefusesFoldersOutsideTheRunsFolder() throws Exception {
        Path outside = RunsFixture.run(tmp.resolve("elsewhere/precious"), RunsFixture.config("p", "resnet18", 7, "kd"),
                "finished", 90, 0, 1);
        Path link = Files.createSymbolicLink(root.resolve("link-to-precious"), outside);
        List<RunEntry> victims = List.of(RunEntries.read(outside), RunEntries.read(link), RunEntries.read(root));

        RunDeletion.Result result = vm.delete(victims, true);

        assertEquals(0, result.deleted());
        assertEquals(3, result.refused().size());
        assertTrue(result.refused().get(0).contains("not inside the runs folder"), result.refused().get(0));
        assertTrue(Files.isRegularFile(outside.resolve("config.yaml")), "the folder outside is untouched");
        assertTrue(Files.isDirectory(root.resolve("isrd-1")), "the runs folder itself is untouched");
        assertTrue(vm.statusProperty().get().startsWith("Deleted 0 runs; refused: "), vm.statusProperty().get());
    }

    @Test
    void exportWritesTheRowsAsCsvAndRemembersTheFolder() throws Exception {
        Path file = tmp.resolve("out/runs.csv");
        Files.createDirectories(file.getParent());

        assertTrue(vm.exportCsv(file, List.of(row("isrd-1"), row("t-1"))));

        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(String.join(",", RunsCsv.HEADER), lines.get(0));
        assertTrue(lines.get(1).startsWith("isrd-1,run,finished,isrd,resnet18,0.125000,7,80.0000,0.250000,79.0000,0.500000,"
                + "49000,4900,49,0.0245000,0.0367500,0.0490000,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("t-1,teacher,\"failed: out of memory, sorry\",teacher,resnet18,"), lines.get(2));
        assertEquals(file.getParent().toAbsolutePath(), vm.exportDirectory());
        assertEquals("Exported 2 rows to " + file, vm.statusProperty().get());
    }

    @Test
    void exportErrorsAreOneLineInTheStatus() throws Exception {
        Path dirInTheWay = tmp.resolve("taken");
        Files.createDirectories(dirInTheWay.resolve("x"));
        assertFalse(vm.exportCsv(dirInTheWay, vm.rows()));
        assertTrue(vm.statusProperty().get().startsWith("Cannot export: "), vm.statusProperty().get());
        assertFalse(vm.statusProperty().get().contains("\n"));
    }

    @Test
    void exportStudentWritesTheBestCheckpointOrSaysWhyNot() throws Exception {
        Path file = tmp.resolve("out/base.safetensors");
        Files.createDirectories(file.getParent());
        vm.exportStudent(row("base-1"), file);
        assertTrue(vm.statusProperty().get().startsWith("Cannot export base-1: run "), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("has no model best.params to export"), vm.statusProperty().get());
        assertFalse(Files.exists(file));

        // a checkpoint like the one training saves: the network the config builds for the demo data
        BackboneSpec spec = new BackboneSpec("resnet18", 7, 1, 10, 0.125, "small", 0);
        try (Network net = Network.create(spec, Device.cpu(), 0, false)) {
            new Checkpoint(RunFolder.open(root.resolve("base-1")).checkpointDir(Stage.MODEL, 0))
                    .saveLast(List.of(net.block()), new byte[0], Checkpoint.State.NONE.after(0, 50, 1), true);
        }
        vm.exportStudent(row("base-1"), file);
        assertEquals("Exported the model of base-1 to " + file + " and base.json", vm.statusProperty().get());
        assertTrue(Files.readString(tmp.resolve("out/base.json")).contains("\"stage\" : \"model\""));
        assertEquals(List.of(), PretrainedWeights.check(spec, file, "model.weights"), "the file fits its network");
        assertEquals(file.getParent().toString(), prefs.get(RunsTableViewModel.EXPORT_DIR_KEY, null));
    }
}
