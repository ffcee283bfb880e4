package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.run.OldFormatRuns;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsFixture;

/** The Pareto chart plots runs written before scores were named at the scores they recorded. */
class OldFormatParetoTest {
    private final Preferences prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());

    @TempDir
    Path dir;

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void finishedOldRunsArePointsAtTheirRecordedScore() {
        Path runs = OldFormatRuns.copyTo(dir).resolve("runs");
        ParetoViewModel vm = new ParetoViewModel(new RunCatalog(runs, RunsFixture.fakeCosts()), TaskRunner.DIRECT,
                UiThread.DIRECT, prefs);
        vm.refresh();
        Map<String, Double> accuracy = vm.points().stream()
                .collect(Collectors.toMap(p -> p.entry().name(), ParetoPoint::accuracy));
        assertEquals(Map.of("resnet18-r2-baseline-069a3291", 11.0, "resnet18-r2-kd-26aa2c43", 7.0,
                "old-teacher-51832b776aad", 12.0), accuracy, "the finished classifiers, at their best_top1");
    }
}
