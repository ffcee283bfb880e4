package org.pixeldistill.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.ui.TestPrefs;
import org.pixeldistill.ui.Tiny;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/** The live cost readout follows the student's backbone, width, size and the link's bandwidth. */
class CostReadoutTest {
    @TempDir
    Path runs;
    private final TestPrefs prefs = new TestPrefs();

    @AfterEach
    void removePrefs() {
        prefs.close();
    }

    private SetupViewModel vm() {
        return new SetupViewModel(Tiny.DEMO, runs, prefs.preferences(), TaskRunner.DIRECT, UiThread.DIRECT);
    }

    @Test
    void theDemoStudentsCostIsShownAtOnce() {
        SetupViewModel vm = vm();
        CostReport r = vm.costReportProperty().get();
        assertEquals(7, r.inputSize());
        assertEquals(49, r.pixels());
        assertEquals(49, r.bytesRaw(), "one grey byte per pixel");
        assertEquals(1, r.channels());
        assertEquals(10, r.classes());
        String text = vm.costTextProperty().get();
        assertTrue(text.startsWith("7x7 = 49 pixels (1/16 of the teacher's 784)"), text);
        assertTrue(text.contains("raw 0.05 KB"), text);
        // 49 bytes at 1 Mbit/s: 392 microseconds
        assertTrue(text.contains("send at 1 Mbit/s: raw 0.39 ms"), text);
        assertTrue(vm.dataSummaryProperty().get().startsWith("fashion-mnist: 10 classes, 1 channel"),
                vm.dataSummaryProperty().get());
    }

    @Test
    void anotherStudentBackboneChangesMacsAndParameters() {
        SetupViewModel vm = vm();
        CostReport resnet = vm.costReportProperty().get();
        String before = vm.costTextProperty().get();
        vm.studentBackboneProperty().set("mobilenet_v2");
        CostReport mobile = vm.costReportProperty().get();
        assertEquals("mobilenet_v2", mobile.backbone());
        assertNotEquals(resnet.macs(), mobile.macs());
        assertNotEquals(resnet.params(), mobile.params());
        assertEquals(resnet.bytesJpeg(), mobile.bytesJpeg(), "same image size, same bytes");
        assertNotEquals(before, vm.costTextProperty().get());
    }

    @Test
    void theSliderChangesPixelsBytesAndMacs() {
        SetupViewModel vm = vm();
        CostReport small = vm.costReportProperty().get();
        vm.resolutionIndexProperty().set(2);
        CostReport full = vm.costReportProperty().get();
        assertEquals(28, full.inputSize());
        assertEquals(784, full.bytesRaw());
        assertTrue(full.macs() > 10 * small.macs(), full.macs() + " vs " + small.macs());
        assertTrue(full.bytesPng() > small.bytesPng());
        assertTrue(vm.costTextProperty().get().startsWith("28x28 = 784 pixels (the teacher's size)"),
                vm.costTextProperty().get());
    }

    @Test
    void bandwidthScalesTheTransmissionTime() {
        SetupViewModel vm = vm();
        double slow = vm.costReportProperty().get().transmitSeconds();
        vm.bandwidthProperty().set(4.0);
        assertEquals(slow / 4, vm.costReportProperty().get().transmitSeconds(), 1e-12);
        assertTrue(vm.costTextProperty().get().contains("send at 4 Mbit/s: raw 0.10 ms"), vm.costTextProperty().get());
    }

    @Test
    void anOutOfRangeWidthIsRefusedWithoutBuildingTheNetwork() {
        SetupViewModel vm = vm();
        vm.studentWidthProperty().set(9.0);
        assertNull(vm.costReportProperty().get());
        assertEquals("model.width must be between 0.05 and 4, got 9", vm.costTextProperty().get());
    }

    @Test
    void aBadDataFolderIsOneLineAndClearsTheCost() {
        SetupViewModel vm = vm();
        vm.chooseFolder(runs.resolve("missing"), "fashion-mnist");
        assertTrue(vm.dataErrorProperty().get().startsWith("data folder missing: "), vm.dataErrorProperty().get());
        assertNull(vm.costReportProperty().get());
        vm.useDemoProperty().set(true);
        assertEquals("", vm.dataErrorProperty().get());
        assertEquals(7, vm.costReportProperty().get().inputSize());
    }
}
