package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsFixture;

/** Seeds pooled into one point, points at one cost set apart, axes fitted to the data: numbers by hand. */
class ParetoReadabilityTest {
    @TempDir
    Path root;
    Preferences prefs;
    ParetoViewModel vm;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());
        vm = new ParetoViewModel(new RunCatalog(root, RunsFixture.fakeCosts()), TaskRunner.DIRECT, UiThread.DIRECT, prefs);
        vm.budgetShownProperty().set(false); // no budget line widening the axis in these tests
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    /** A finished resnet18 run; the fixture's config trains seeds 0 and 1 unless {@code seeds} says otherwise. */
    private RunConfig run(String name, int size, String method, List<Integer> seeds, double best, double std) {
        RunConfig c = RunsFixture.config(name, "resnet18", size, method);
        if (seeds != null) c = c.withTrain(c.train().withSeeds(seeds));
        RunsFixture.run(root.resolve(name), c, "finished", best, std, 2);
        return c;
    }

    private Map<String, ParetoPoint> byName() {
        return vm.points().stream().collect(Collectors.toMap(p -> p.entry().name(), p -> p));
    }

    @Test
    void runsDifferingOnlyInSeedArePooledIntoOnePointWithTheirMeanAndSpread() {
        run("a", 14, "isrd", List.of(0, 1), 80, 1); // two seeds: 80 ± 1
        run("b", 14, "isrd", List.of(2), 83, 0); // one more seed of the same configuration
        RunConfig longer = RunsFixture.config("c", "resnet18", 14, "isrd");
        longer = longer.withTrain(longer.train().withEpochs(5)); // another configuration: not pooled
        RunsFixture.run(root.resolve("c"), longer, "finished", 90, 0.5, 2);
        run("k", 14, "kd", null, 70, 0.5); // another method at the same size
        vm.refresh();

        assertEquals(List.of("a", "c", "k"), vm.points().stream().map(p -> p.entry().name()).toList());
        ParetoPoint a = byName().get("a");
        // the three seeds are 80 - 0.707, 80 + 0.707 and 83: mean 81; their squared deviations from it add to 7
        assertEquals(81, a.accuracy(), 1e-9);
        assertEquals(Math.sqrt(7 / 2.0), a.std(), 1e-9);
        assertEquals(3, a.seeds());
        assertEquals(List.of("a", "b"), a.runs().stream().map(r -> r.name()).toList());
        assertTrue(a.hasErrorBar());
        assertEquals(2, byName().get("c").seeds());
        assertEquals(0.5, byName().get("c").std(), 1e-12, "a single run keeps its own spread");
        assertEquals("3 configurations from 4 runs (seeds pooled), 1 on the front", vm.statusProperty().get());

        String tip = vm.describe(a);
        assertTrue(tip.contains("top-1 81.00% ± 1.87 (mean ± std over 3 seeds)") && tip.contains("2 runs pooled: a, b"),
                tip);
    }

    @Test
    void aSingleSeedHasNoErrorBar() {
        run("one", 7, "baseline", List.of(0), 70, 0);
        vm.refresh();
        ParetoPoint p = vm.points().get(0);
        assertEquals(1, p.seeds());
        assertFalse(p.hasErrorBar());
        assertTrue(vm.describe(p).contains("top-1 70.00% ± 0.00 (mean ± std over 1 seed)"), vm.describe(p));
    }

    @Test
    void pointsAtTheSameCostAreSetSideBySideAroundIt() {
        run("a7", 7, "isrd", null, 70, 0.5);
        run("base14", 14, "baseline", null, 80, 0.5);
        run("isrd14", 14, "isrd", null, 85, 0.5);
        run("c28", 28, "isrd", null, 90, 0.5);
        vm.refresh();

        ChartLayout layout = vm.layoutProperty().get();
        // KB JPEG: 0.0245, 0.098, 0.098, 0.392, padded by 6 % of the span to 0.00245 - 0.414, ticks of 0.05
        assertRange(0, 0.45, 0.05, layout.x());
        Map<String, ParetoPoint> p = byName();
        assertEquals(0.098, p.get("base14").x(), 1e-12, "the true cost is kept");
        assertEquals(0.098, p.get("isrd14").x(), 1e-12);
        double step = EqualCostOffsets.STEP * 0.45;
        // sorted by method name within the cluster: "ISRD+KD" before "baseline"
        assertEquals(0.098 - step / 2, p.get("isrd14").drawnX(), 1e-12);
        assertEquals(0.098 + step / 2, p.get("base14").drawnX(), 1e-12);
        assertEquals(0.0245, p.get("a7").drawnX(), 1e-12, "a point alone stays at its cost");
        assertEquals(0.392, p.get("c28").drawnX(), 1e-12);
        assertEquals(List.of("a7", "isrd14", "c28"), layout.front().stream().map(f -> f.entry().name()).toList());
        assertEquals(p.get("isrd14").drawnX(), layout.front().get(1).drawnX(), "the front runs through the drawn markers");

        vm.setPlotWidth(1200); // 2.5 % of 1200 pixels is 30: the share stands
        assertEquals(step, byName().get("base14").drawnX() - byName().get("isrd14").drawnX(), 1e-12);
        vm.setPlotWidth(400); // 2.5 % would be 10 pixels, less than a marker: 16 pixels apart, 4 % of the axis
        assertEquals(0.04 * 0.45, byName().get("base14").drawnX() - byName().get("isrd14").drawnX(), 1e-12);
    }

    @Test
    void theWhatIfDiamondIsSetBesideARunOfTheSameCost() {
        run("a7", 7, "isrd", null, 70, 0.5);
        run("c28", 28, "isrd", null, 90, 0.5);
        run("k14", 14, "kd", null, 75, 0.5);
        vm.refresh();
        vm.setWhatIf(new org.pixeldistill.core.model.BackboneSpec("resnet18", 14, 1, 10, 0.125, "small", 0),
                org.pixeldistill.core.cost.CostModel.datasetKey(RunsFixture.config("x", "resnet18", 7, "isrd").data()),
                () -> null);
        ChartLayout layout = vm.layoutProperty().get();
        assertEquals(0.098, layout.whatIf().x(), 1e-12);
        assertTrue(layout.whatIfX() > byName().get("k14").drawnX(), "the diamond goes right of the run it would hide");
        assertEquals(EqualCostOffsets.STEP * layout.x().width(), layout.whatIfX() - byName().get("k14").drawnX(), 1e-9);
    }

    @Test
    void axesAreFittedToTheDataWithPaddingNotZeroToHundred() {
        run("a7", 7, "isrd", null, 60, 0.5);
        run("c28", 28, "isrd", null, 90, 0.5);
        vm.refresh();
        ChartLayout layout = vm.layoutProperty().get();
        // error bars span 59.5 - 90.5; padded by 8 % (2.48) to 57.02 - 92.98; ticks of 5
        assertRange(55, 95, 5, layout.y());
        for (ParetoPoint p : layout.points()) {
            double xMargin = Math.min(p.drawnX() - layout.x().lower(), layout.x().upper() - p.drawnX());
            assertTrue(xMargin >= 0.03 * layout.x().width(), p.entry().name() + " too close to a side: " + layout.x());
            assertTrue(p.accuracy() - p.std() > layout.y().lower() && p.accuracy() + p.std() < layout.y().upper());
        }

        vm.logScaleProperty().set(true);
        // log10 of 24.5 and 392 bytes in KB: -1.61 and -0.41, padded, ticks of 0.2
        assertRange(-1.8, -0.2, 0.2, vm.layoutProperty().get().x());
    }

    private static void assertRange(double lower, double upper, double tick, AxisRange r) {
        assertEquals(lower, r.lower(), 1e-9, r.toString());
        assertEquals(upper, r.upper(), 1e-9, r.toString());
        assertEquals(tick, r.tickUnit(), 1e-12, r.toString());
    }

    @Test
    void aSinglePointGetsARangeAroundIt() {
        run("only", 14, "kd", null, 99.5, 0);
        vm.refresh();
        ChartLayout layout = vm.layoutProperty().get();
        assertTrue(layout.x().lower() < 0.098 && layout.x().upper() > 0.098, layout.x().toString());
        assertTrue(layout.y().lower() < 99.5 && layout.y().upper() > 99.5, layout.y().toString());
        assertTrue(layout.y().lower() >= 90, "a single accuracy is shown close up: " + layout.y());
    }
}
