package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsFixture;

/**
 * The bandwidth budget: its line on the byte and time axes and the best configuration within it,
 * with the fixture's costs (JPEG bytes = pixels / 2, raw bytes = pixels, sent as JPEG on 1 Mbit/s).
 */
class ParetoBudgetTest {
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
        // JPEG bytes 24.5 (7 px), 98 (14 px), 392 (28 px); every run two seeds, ± 0.5
        run("a7", 7, "isrd", 80);
        run("b14", 14, "isrd", 85);
        run("k14", 14, "kd", 82);
        run("c28", 28, "isrd", 90);
        vm.refresh();
    }

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private void run(String name, int size, String method, double best) {
        RunsFixture.run(root.resolve(name), RunsFixture.config(name, "resnet18", size, method), "finished", best, 0.5, 2);
    }

    @Test
    void theBudgetInBytesIsALineAndTheBestRunWithinItIsNamed() {
        assertTrue(vm.setBudget("0.1", "100")); // 100,000 bits / 8 / 100 = 125 bytes per image
        assertEquals(125, vm.budgetProperty().get().bytesPerImage(), 1e-9);
        ChartLayout layout = vm.layoutProperty().get();
        assertEquals(0.125, layout.budgetX(), 1e-12, "KB JPEG axis");
        assertTrue(layout.budgetOnChart());
        assertEquals("within 0.1 Mbit/s at 100 images/s: ISRD+KD at 14x14, 85.0 % ± 0.5 over 2 seeds"
                + " (b14; 0.125 KB JPEG per image)", vm.budgetLabelProperty().get());
        assertEquals("b14", vm.bestWithinBudget().first().name());

        assertTrue(vm.setBudget("0.05", "100")); // 62.5 bytes: only the 7x7 run
        assertEquals("within 0.05 Mbit/s at 100 images/s: ISRD+KD at 7x7, 80.0 % ± 0.5 over 2 seeds"
                + " (a7; 0.0625 KB JPEG per image)", vm.budgetLabelProperty().get());

        assertTrue(vm.setBudget("0.01", "100")); // 12.5 bytes: none
        assertNull(vm.bestWithinBudget());
        assertEquals("no finished run fits within 0.01 Mbit/s at 100 images/s (0.0125 KB JPEG per image)",
                vm.budgetLabelProperty().get());
    }

    @Test
    void theByteAxisDecidesWhichBytesMustFit() {
        assertTrue(vm.setBudget("0.1", "100")); // 125 bytes
        vm.axisProperty().set(CostAxis.KB_RAW); // raw: 49, 196, 784 bytes
        assertEquals("a7", vm.bestWithinBudget().first().name());
        assertTrue(vm.budgetLabelProperty().get().endsWith("(a7; 0.125 KB raw per image)"), vm.budgetLabelProperty().get());
        vm.logScaleProperty().set(true);
        assertEquals(Math.log10(0.125), vm.layoutProperty().get().budgetX(), 1e-12);
    }

    @Test
    void onTheTransmitTimeAxisTheLineIsTheTimePerImage() {
        vm.axisProperty().set(CostAxis.TRANSMIT_MS); // 7: 0.196 ms, 14: 0.784 ms, 28: 3.136 ms at 1 Mbit/s
        assertTrue(vm.setBudget("1", "1000"));
        assertEquals(1.0, vm.layoutProperty().get().budgetX(), 1e-12, "1 / 1000 images per second, in ms");
        assertEquals("b14", vm.bestWithinBudget().first().name());

        // twice the link of the cost model: an image may take 2 ms of the axis's 1 Mbit/s time
        assertTrue(vm.setBudget("2", "1000"));
        assertEquals(2.0, vm.layoutProperty().get().budgetX(), 1e-12);
        assertEquals("b14", vm.bestWithinBudget().first().name());
        assertTrue(vm.setBudget("4", "1000")); // 500 bytes: the 28x28 run's 392 fit
        assertEquals("c28", vm.bestWithinBudget().first().name());
    }

    @Test
    void onAnAxisWithoutBytesThereIsNoLineButTheSentBytesStillDecide() {
        vm.axisProperty().set(CostAxis.MACS);
        assertTrue(vm.setBudget("0.1", "100"));
        assertTrue(Double.isNaN(vm.layoutProperty().get().budgetX()));
        assertFalse(vm.layoutProperty().get().budgetOnChart());
        assertTrue(vm.budgetLabelProperty().get().startsWith("within 0.1 Mbit/s at 100 images/s: ISRD+KD at 14x14"),
                vm.budgetLabelProperty().get());
        assertTrue(vm.budgetLabelProperty().get().endsWith("0.125 KB JPEG per image)"), "the cost model sends JPEG");
    }

    @Test
    void badInputIsRejectedWithAReasonAndTheLastBudgetStays() {
        assertTrue(vm.setBudget("0.1", "100"));
        assertFalse(vm.setBudget("fast", "100"));
        assertEquals("link speed must be a positive number of Mbit/s, not 'fast'", vm.budgetErrorProperty().get());
        assertFalse(vm.setBudget("0", "100"));
        assertFalse(vm.setBudget("1", "-30"));
        assertEquals("images per second must be a positive number, not '-30'", vm.budgetErrorProperty().get());
        assertFalse(vm.setBudget("1", "NaN"));
        assertFalse(vm.setBudget("1", "Infinity"));
        assertEquals(new BandwidthBudget(0.1, 100), vm.budgetProperty().get());

        assertTrue(vm.setBudget(" 1,5 ", "30"));
        assertEquals("", vm.budgetErrorProperty().get());
        assertEquals(new BandwidthBudget(1.5, 30), vm.budgetProperty().get());
    }

    @Test
    void theBudgetIsRememberedAcrossStartsAndCanBeHidden() {
        assertEquals(ParetoViewModel.DEFAULT_BUDGET, vm.budgetProperty().get());
        assertTrue(vm.setBudget("2", "15"));
        vm.budgetShownProperty().set(false);
        assertEquals("", vm.budgetLabelProperty().get());
        assertTrue(Double.isNaN(vm.layoutProperty().get().budgetX()));

        ParetoViewModel again = new ParetoViewModel(catalog, TaskRunner.DIRECT, UiThread.DIRECT, prefs);
        assertEquals(new BandwidthBudget(2, 15), again.budgetProperty().get());
        assertFalse(again.budgetShownProperty().get());
    }

    @Test
    void aFarBudgetLineDoesNotSquashTheChart() {
        assertTrue(vm.setBudget("1000", "1")); // 125 MB per image
        ChartLayout layout = vm.layoutProperty().get();
        assertFalse(layout.budgetOnChart());
        assertTrue(layout.x().upper() < 1, "the axis stays on the runs: " + layout.x());
        assertEquals("c28", vm.bestWithinBudget().first().name());
    }
}
