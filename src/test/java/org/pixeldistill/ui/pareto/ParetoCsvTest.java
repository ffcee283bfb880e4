package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsFixture;

/** The points as CSV: one row per configuration with every cost, mean, std and seed count. */
class ParetoCsvTest {
    private final Preferences prefs = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());

    @TempDir
    Path root;

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void exportWritesOneRowPerConfiguration() throws Exception {
        Path runs = root.resolve("runs");
        RunsFixture.run(runs.resolve("a7"), RunsFixture.config("a7", "resnet18", 7, "baseline"), "finished", 70, 0.5, 2);
        RunConfig more = RunsFixture.config("a7-more", "resnet18", 7, "baseline");
        RunsFixture.run(runs.resolve("a7-more"), more.withTrain(more.train().withSeeds(List.of(2))), "finished", 73, 0, 2);
        RunsFixture.run(runs.resolve("i14"), RunsFixture.config("i14", "resnet18", 14, "isrd"), "finished", 85, 0.5, 2);
        ParetoViewModel vm = new ParetoViewModel(new RunCatalog(runs, RunsFixture.fakeCosts()), TaskRunner.DIRECT,
                UiThread.DIRECT, prefs);
        vm.refresh();

        Path file = root.resolve("out/pareto.csv");
        Files.createDirectories(file.getParent());
        assertTrue(vm.exportCsv(file));

        List<String> lines = Files.readAllLines(file);
        assertEquals("config,method,kind,student,width,input_size,macs,params,pixels,kb_raw,kb_png,kb_jpeg,transmit_ms,"
                + "weighted_total,mean,std,n_seeds,on_front,runs", lines.get(0));
        // seeds 70 ± 0.5 (two) and 73 (one): mean 71, std sqrt((0.25 + 2 * 1 + 4) / 2) = 1.76777
        assertEquals("a7,baseline,run,resnet18,0.125000,7,49000.0,4900.00,49.0000,0.0490000,0.0367500,0.0245000,"
                + "0.196000,4.90000e-05,71.0000,1.76777,3,true,../runs/a7;../runs/a7-more", lines.get(1));
        assertTrue(lines.get(2).startsWith("i14,ISRD+KD,run,resnet18,0.125000,14,196000,"), lines.get(2));
        assertTrue(lines.get(2).endsWith(",85.0000,0.500000,2,true,../runs/i14"), lines.get(2));
        assertEquals(3, lines.size());
        assertEquals(file.getParent(), vm.exportDirectory());
    }
}
