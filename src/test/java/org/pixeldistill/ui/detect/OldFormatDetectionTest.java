package org.pixeldistill.ui.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.OldFormatRuns;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/** The Detection view opens a detector run written before scores were named, with its recorded AP table. */
class OldFormatDetectionTest {
    private final Preferences prefs =
            Preferences.userRoot().node("org/pixeldistill/workbench-test/detection-" + UUID.randomUUID());

    @TempDir
    Path dir;

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void anOldDetectorRunOpensWithTheApItsMetricsRecorded() {
        Path runs = OldFormatRuns.copyTo(dir).resolve("runs");
        DetectionViewModel vm = new DetectionViewModel(runs, TaskRunner.DIRECT, UiThread.DIRECT, prefs, 0f);
        vm.runFolderProperty().set(runs.resolve("old-detector-20261205-020846"));
        assertTrue(vm.statusProperty().get().startsWith("Opened old-detector-"), vm.statusProperty().get());
        RunFacts facts = vm.factsProperty().get();
        assertTrue(facts.apRecorded(), "the AP table comes from the old metrics.csv");
        assertEquals("model", facts.stage());
        assertEquals(8, facts.imageCount());
        // the best epoch (the fourth, from the old state.json) recorded AP50 16.67 % for Dress, 0 for Trouser
        ApRow dress = vm.apRows().stream().filter(r -> r.className().equals("Dress")).findFirst().orElseThrow();
        assertEquals(16.6667, dress.ap50(), 1e-9);
        ApRow trouser = vm.apRows().stream().filter(r -> r.className().equals("Trouser")).findFirst().orElseThrow();
        assertEquals(0.0, trouser.ap50(), 1e-9);
    }
}
