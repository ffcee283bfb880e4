package org.pixeldistill.ui.pareto;

import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunEntry;
import org.pixeldistill.ui.runs.RunsFixture;
import org.pixeldistill.ui.runs.RunsTableViewModel;

/** Points, front, axes, log scale, selection and the what-if prediction, without a toolkit. */
class ParetoViewModelTest {
    @TempDir
    Path root;
    Preferences prefs;
    RunCatalog catalog;
    ParetoViewModel vm;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());
        catalog = new RunCatalog(root, RunsFixture.fakeCosts());
        vm = new ParetoViewModel(catalog, TaskRunner.DIRECT, UiThread.DIRECT, prefs);
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    /** Fake costs: MACs 1000 x pixels, JPEG bytes pixels / 2. */
    private void sizesRun(String name, int size, String method, double top1, String status) {
        RunsFixture.run(root.resolve(name), RunsFixture.config(name, "resnet18", size, method), status, top1, 0.5, 2);
    }

    private Map<String, ParetoPoint> byName(List<ParetoPoint> points) {
        return points.stream().collect(Collectors.toMap(p -> p.entry().name(), p -> p));
    }

    @Test
    void theWhatIfMethodSurvivesARefreshAndFallsBackToTheSetupPanelsWhenItsRunsAreGone() throws Exception {
        sizesRun("i7", 7, "isrd", 80, "finished");
        sizesRun("k7", 7, "kd", 75, "finished");
        sizesRun("b7", 7, "baseline", 70, "finished");
        vm.setupMethodProperty().set("isrd");
        vm.refresh();
        vm.whatIfMethodProperty().set("kd"); // picked in the Pareto toolbar
        vm.refresh();
        assertEquals("kd", vm.whatIfMethodProperty().get(), "still there: kept");
        vm.setEntries(List.of()); // while the runs are read again
        assertEquals("kd", vm.whatIfMethodProperty().get(), "no runs at all is no reason to forget it");

        try (var files = java.nio.file.Files.walk(root.resolve("k7"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        vm.refresh();
        assertEquals(List.of("baseline", "isrd"), vm.methods());
        assertEquals("isrd", vm.whatIfMethodProperty().get(), "the kd runs are gone: the setup panel's method");
    }

    @Test
    void everyFinishedRunIsAPointAndTheFrontHoldsTheUndominated() {
        sizesRun("a7", 7, "isrd", 80, "finished");
        sizesRun("b14", 14, "isrd", 78, "finished"); // dearer and worse than a7
        sizesRun("c28", 28, "isrd", 90, "finished");
        sizesRun("d28", 28, "kd", 85, "finished"); // as dear as c28, worse
        sizesRun("e7", 7, "kd", 99, "running"); // not finished: not drawn
        vm.refresh();

        assertEquals(List.of("a7", "b14", "c28", "d28"), vm.points().stream().map(p -> p.entry().name()).toList());
        assertEquals(List.of("a7", "c28"), vm.front().stream().map(p -> p.entry().name()).toList());
        Map<String, ParetoPoint> p = byName(vm.points());
        assertTrue(p.get("a7").onFront());
        assertFalse(p.get("b14").onFront());
        assertEquals(80, p.get("a7").accuracy());
        assertEquals(0.0245, p.get("a7").x(), 1e-12, "KB JPEG is the default axis: 49 / 2 bytes");
        assertEquals("4 runs, 2 on the front; 1 not finished", vm.statusProperty().get());
        assertEquals(List.of("isrd", "kd"), vm.methods());
    }

    @Test
    void detectorsAndClassifiersAreNeverOnOneChart() {
        sizesRun("cls7", 7, "isrd", 80, "finished");
        RunConfig det = ConfigLoader.parse("name: det28\ndevice: cpu\ndata:\n"
                + "  dataset: fashion-mnist-scenes\n  path: " + RunsFixture.DATA
                + "\n  test_limit: 8\nmodel:\n  backbone: resnet18\n  input_size: 28\n  width: 0.125\n  stem: small\n"
                + "detect:\n  canvas: 56\n", "det28");
        RunsFixture.run(root.resolve("det28"), det, "finished", 20, 0.5, 2);
        vm.refresh();
        assertEquals(List.of("cls7"), vm.points().stream().map(p -> p.entry().name()).toList());
        vm.detectorsProperty().set(true);
        assertEquals(List.of("det28"), vm.points().stream().map(p -> p.entry().name()).toList());
        assertEquals(List.of("det28"), vm.front().stream().map(p -> p.entry().name()).toList(),
                "the front is the detectors' own: an 80% classifier does not hide a 20% detector");
    }

    @Test
    void switchingTheAxisMovesThePointsAndCanChangeTheFront() {
        sizesRun("cheap-compute", 7, "isrd", 80, "finished");
        sizesRun("cheap-bytes", 7, "kd", 85, "finished");
        vm.refresh();
        // hand-made costs: the first is cheaper in MACs, the second in bytes
        List<RunEntry> entries = catalog.scan().stream().map(e -> e.withCost(e.name().equals("cheap-compute")
                ? RunsFixture.cost("resnet18", 7, 100, 3000) : RunsFixture.cost("resnet18", 7, 200, 1000), "")).toList();
        vm.setEntries(entries);

        vm.axisProperty().set(CostAxis.MACS);
        assertEquals(Map.of("cheap-bytes", 200.0, "cheap-compute", 100.0), xs());
        assertEquals(2, vm.front().size(), "cheaper in MACs, or better: both stay");

        vm.axisProperty().set(CostAxis.KB_JPEG);
        assertEquals(Map.of("cheap-bytes", 1.0, "cheap-compute", 3.0), xs());
        assertEquals(List.of("cheap-bytes"), vm.front().stream().map(p -> p.entry().name()).toList());

        vm.axisProperty().set(CostAxis.PIXELS);
        assertEquals(49.0, xs().get("cheap-bytes"));
        vm.axisProperty().set(CostAxis.TRANSMIT_MS);
        assertEquals(1000 * 8 / 1e6 * 1000, xs().get("cheap-bytes"), 1e-9, "bytes x 8 / 1 Mbit/s in ms");
        assertEquals("transmit ms per image", vm.axisLabel());
    }

    private Map<String, Double> xs() {
        return vm.points().stream().collect(Collectors.toMap(p -> p.entry().name(), ParetoPoint::x));
    }

    @Test
    void logScalePlotsLog10AndLeavesOutCostZero() {
        sizesRun("a", 7, "isrd", 80, "finished");
        sizesRun("b", 28, "isrd", 90, "finished");
        vm.refresh();
        vm.axisProperty().set(CostAxis.MACS);
        vm.logScaleProperty().set(true);

        assertEquals(Math.log10(49_000), xs().get("a"), 1e-12);
        assertEquals(Math.log10(784_000), xs().get("b"), 1e-12);
        assertEquals(49_000, vm.costAt(xs().get("a")), 1e-6);
        assertEquals("MACs per image (log scale)", vm.axisLabel());

        List<RunEntry> entries = catalog.scan().stream().map(e -> e.withCost(new CostReport("resnet18", 7, 1, 10, 0.125,
                0, 5, 0, 49, 49, 30, 20, 90, 1, "jpeg", 0.001, 0), "")).toList();
        vm.setEntries(entries);
        vm.axisProperty().set(CostAxis.PARAMS);
        assertTrue(vm.points().isEmpty());
        assertEquals("0 runs, 0 on the front; 2 with cost 0 left off the log axis", vm.statusProperty().get());
    }

    @Test
    void choicesAreRememberedInThePreferences() {
        vm.axisProperty().set(CostAxis.MACS);
        vm.logScaleProperty().set(true);
        vm.whatIfMethodProperty().set("kd");

        ParetoViewModel again = new ParetoViewModel(catalog, TaskRunner.DIRECT, UiThread.DIRECT, prefs);

        assertEquals(CostAxis.MACS, again.axisProperty().get());
        assertTrue(again.logScaleProperty().get());
        assertEquals("kd", again.whatIfMethodProperty().get());
    }

    @Test
    void selectingAPointSetsTheSelectedRun() {
        sizesRun("a", 7, "isrd", 80, "finished");
        vm.refresh();
        vm.select(vm.points().get(0));
        assertEquals(root.resolve("a").toAbsolutePath().normalize(), vm.selectedRunProperty().get());
        String tip = vm.describe(vm.points().get(0));
        assertTrue(tip.contains("resnet18 x0.125 at 7 px, ISRD+KD")
                && tip.contains("top-1 80.00% ± 0.50 (mean ± std over 2 seeds)")
                && tip.contains("0.0245 KB") && tip.contains("on the Pareto front"), tip);
    }

    private String datasetKey() {
        return CostModel.datasetKey(RunsFixture.config("x", "resnet18", 7, "isrd").data());
    }

    private BackboneSpec spec(int size) {
        return new BackboneSpec("resnet18", size, 1, 10, 0.125, "small", 0);
    }

    @Test
    void whatIfInterpolatesAlongInputSizeWithinTheSameBackboneAndMethod() {
        sizesRun("a7", 7, "isrd", 80, "finished");
        sizesRun("a28", 28, "isrd", 90, "finished");
        sizesRun("k14", 14, "kd", 50, "finished"); // another method: ignored
        vm.refresh();

        vm.setWhatIf(spec(14), datasetKey(), () -> {
            throw new AssertionError("fake costs open no images");
        });

        WhatIfPoint w = vm.whatIfProperty().get();
        assertTrue(w.drawable());
        assertEquals(80 + 10.0 * (14 - 7) / 21, w.prediction().accuracy(), 1e-12);
        assertEquals(0.098, w.x(), 1e-12, "196 pixels / 2 bytes, in KB");
        assertEquals("predicted 83.3% at 0.098 KB", vm.whatIfLabelProperty().get());

        vm.axisProperty().set(CostAxis.MACS);
        assertEquals("predicted 83.3% at 196 k MACs", vm.whatIfLabelProperty().get());
        assertEquals(196_000, vm.whatIfProperty().get().x(), 1e-9);

        vm.whatIfMethodProperty().set("kd");
        assertEquals(50, vm.whatIfProperty().get().prediction().accuracy(), 1e-12, "the kd run at 14 itself");
    }

    @Test
    void whatIfSaysWhenThereIsNothingToInterpolateFrom() {
        sizesRun("a7", 7, "isrd", 80, "finished");
        vm.refresh();
        vm.whatIfMethodProperty().set("tas");
        vm.setWhatIf(spec(14), datasetKey(), () -> null);
        assertEquals("no runs to interpolate from (resnet18 x0.125, tas) - cost 0.098 KB", vm.whatIfLabelProperty().get());
        assertFalse(vm.whatIfProperty().get().drawable());

        vm.whatIfMethodProperty().set("isrd");
        assertEquals("no runs to interpolate from (resnet18 x0.125, isrd, only size 7) - cost 0.098 KB",
                vm.whatIfLabelProperty().get());

        vm.setWhatIf(new BackboneSpec("resnet18", 14, 1, 10, 0.25, "small", 0), datasetKey(), () -> null);
        assertTrue(vm.whatIfLabelProperty().get().startsWith("no runs to interpolate from (resnet18 x0.25, isrd)"),
                "another width is another network");

        vm.clearWhatIf();
        assertNull(vm.whatIfProperty().get());
        assertEquals("", vm.whatIfLabelProperty().get());
    }

    @Test
    void followingTheRunsTableRedrawsWhenItRefreshes() {
        sizesRun("a7", 7, "isrd", 80, "finished");
        RunsTableViewModel table = new RunsTableViewModel(catalog,
                TaskRunner.DIRECT, UiThread.DIRECT, null);
        table.refresh();
        vm.follow(table.rows());
        assertEquals(1, vm.points().size());

        sizesRun("b28", 28, "isrd", 90, "finished");
        table.refresh();

        assertEquals(List.of("a7", "b28"), vm.points().stream().map(p -> p.entry().name()).toList());
        assertEquals(2, vm.front().size());
    }
}
