package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;

/** The catalog lists every kind of run folder, names methods, survives broken files and caches costs. */
class RunCatalogTest {
    @TempDir
    Path root;

    private Map<String, RunEntry> byName(List<RunEntry> entries) {
        return entries.stream().collect(Collectors.toMap(RunEntry::name, Function.identity()));
    }

    @Test
    void aRunsFolderThatIsASymbolicLinkIsWalkedAndItsRunsNamedUnderTheLink() throws Exception {
        Path real = root.resolve("elsewhere");
        RunsFixture.run(real.resolve("sweeps/demo/cells/resnet18-r4-kd-1234abcd"),
                RunsFixture.config("cell", "resnet18", 7, "kd"), "finished", 70, 0, 1);
        Path link = Files.createSymbolicLink(root.resolve("runs"), real);
        assertEquals(List.of(link.resolve("sweeps/demo/cells/resnet18-r4-kd-1234abcd")),
                new RunCatalog(link, RunsFixture.fakeCosts()).runFolders());
    }

    @Test
    void listsRunsTeachersAssistantsAndSweepCellsWithKindMethodAndAccuracy() {
        RunsFixture.run(root.resolve("base-20250101-120000"), RunsFixture.config("base", "resnet18", 7, "baseline"),
                "finished", 71.5, 0.4, 3);
        RunsFixture.run(root.resolve("teachers/tiny-teacher-ab12"), RunsFixture.config("t", "resnet18", 28, "baseline"),
                "finished", 90, 0, 3);
        RunsFixture.run(root.resolve("assistants/tiny-assistant-cd34"), RunsFixture.config("a", "resnet18", 28, "kd"),
                "finished", 88, 0, 3);
        RunsFixture.run(root.resolve("sweeps/demo/cells/resnet18-r4-isrd-1234abcd"),
                RunsFixture.config("cell", "mobilenet_v2", 7, "isrd"), "running", 60, 1, 2);
        RunsFixture.run(root.resolve("tas-20250102-000000"), RunsFixture.config("tas", "resnet18", 7, "tas"),
                "failed", 10, 0, 1);
        RunsFixture.run(root.resolve("at-20250102-000000"), RunsFixture.config("at", "resnet18", 7, "at"),
                "finished", 75, 0, 1);
        // a config.yaml deeper inside a run folder is not another run
        RunsFixture.write(root.resolve("base-20250101-120000/checkpoints/model-seed-0/config.yaml"), "name: x\n");
        // neither is the sweep folder, which holds no config.yaml
        RunsFixture.write(root.resolve("sweeps/demo/sweep.csv"), "cell\n");

        Map<String, RunEntry> e = byName(new RunCatalog(root, RunsFixture.fakeCosts()).scan());

        assertEquals(6, e.size(), e.keySet().toString());
        RunEntry base = e.get("base-20250101-120000");
        assertEquals("run", base.kind());
        assertEquals("baseline", base.method());
        assertEquals("finished", base.status());
        assertEquals("resnet18", base.backbone());
        assertEquals(7, base.inputSize());
        assertEquals(0.125, base.width());
        assertEquals(71.5, base.bestTop1());
        assertEquals(0.4, base.bestTop1Std());
        assertEquals(70.5, base.lastTop1());
        assertEquals(List.of("model"), base.stages());
        assertTrue(base.finished());
        assertEquals("teacher", e.get("tiny-teacher-ab12").kind());
        assertEquals("teacher", e.get("tiny-teacher-ab12").method());
        assertEquals("assistant", e.get("tiny-assistant-cd34").kind());
        assertEquals("assistant", e.get("tiny-assistant-cd34").method());
        RunEntry cell = e.get("resnet18-r4-isrd-1234abcd");
        assertEquals("sweep cell", cell.kind());
        assertEquals("isrd", cell.method());
        assertEquals("mobilenet_v2", cell.backbone());
        assertFalse(cell.finished(), "a running run is not finished");
        assertEquals("tas", e.get("tas-20250102-000000").method());
        assertEquals("failed: out of memory, sorry", e.get("tas-20250102-000000").status());
        assertEquals("at", e.get("at-20250102-000000").method());
    }

    @Test
    void brokenFoldersAreListedAsUnreadableAndNeverStopTheOthers() {
        RunsFixture.run(root.resolve("good"), RunsFixture.config("good", "resnet18", 7, "kd"), "finished", 80, 0, 2);
        RunsFixture.write(root.resolve("bad-yaml/config.yaml"), "model: [unclosed\n");
        RunsFixture.write(root.resolve("unknown-key/config.yaml"), "modle:\n  backbone: resnet18\n");
        RunsFixture.run(root.resolve("bad-summary"), RunsFixture.config("bs", "resnet18", 14, "kd"), "finished", 80, 0, 2);
        RunsFixture.write(root.resolve("bad-summary/summary.json"), "{ not json");
        RunsFixture.run(root.resolve("no-summary"), RunsFixture.config("ns", "resnet18", 14, "kd"), "finished", 80, 0, 2);
        root.resolve("no-summary/summary.json").toFile().delete();

        RunCatalog catalog = new RunCatalog(root, RunsFixture.fakeCosts());
        Map<String, RunEntry> e = byName(catalog.load());

        assertEquals(5, e.size());
        assertEquals("finished", e.get("good").status());
        assertNotNull(e.get("good").cost());
        assertTrue(e.get("bad-yaml").status().startsWith("unreadable: config.yaml"), e.get("bad-yaml").status());
        assertTrue(e.get("unknown-key").status().contains("modle"), e.get("unknown-key").status());
        assertFalse(e.get("bad-yaml").readable());
        assertNull(e.get("bad-yaml").cost());
        assertTrue(e.get("bad-summary").status().startsWith("unreadable: summary.json"), e.get("bad-summary").status());
        assertEquals("kd", e.get("bad-summary").method(), "the config still tells what the run was");
        assertEquals("unreadable: no summary.json", e.get("no-summary").status());
        assertTrue(Double.isNaN(e.get("no-summary").bestTop1()));
    }

    @Test
    void aMissingRunsFolderIsEmptyNotAnError() {
        assertTrue(new RunCatalog(root.resolve("not-yet")).scan().isEmpty());
    }

    @Test
    void costsAreCachedPerConfigurationAndAMissingDataSetIsANote() {
        RunConfig at7 = RunsFixture.config("a", "resnet18", 7, "kd");
        RunsFixture.run(root.resolve("a-1"), at7, "finished", 80, 0, 1);
        RunsFixture.run(root.resolve("a-2"), at7.withName("b"), "finished", 81, 0, 1); // same model, other run
        RunsFixture.run(root.resolve("c"), RunsFixture.config("c", "resnet18", 14, "isrd"), "finished", 85, 0, 1);
        RunConfig gone = RunsFixture.config("d", "resnet18", 7, "kd");
        gone = gone.withData(new DataConfig("fashion-mnist", root.resolve("no-data").toString(),
                0, 20, null, null, null, null, null, null, null, null, null, null));
        RunsFixture.run(root.resolve("d"), gone, "finished", 70, 0, 1);
        RunCosts costs = RunsFixture.fakeCosts();
        RunCatalog catalog = new RunCatalog(root, costs);

        Map<String, RunEntry> e = byName(catalog.load());

        assertEquals(2, costs.measured(), "one report per (model, size, data set)");
        assertSame(e.get("a-1").cost(), e.get("a-2").cost());
        assertEquals(7 * 7 * 1000L, e.get("a-1").cost().macs());
        assertEquals(14 * 14 * 1000L, e.get("c").cost().macs());
        assertNull(e.get("d").cost());
        assertTrue(e.get("d").costNote().contains("no-data"), e.get("d").costNote());
        assertEquals("finished", e.get("d").status(), "a missing data set costs the row its costs, not its place");
        catalog.load();
        assertEquals(2, costs.measured(), "a second load measures nothing again");
    }

    @Test
    void realCostsCountTheNetworkAndMeasureTheImages() {
        RunsFixture.run(root.resolve("r"), RunsFixture.config("r", "resnet18", 7, "kd"), "finished", 80, 0, 1);
        RunCatalog catalog = new RunCatalog(root, new RunCosts(CostModel.defaults()));

        CostReport c = catalog.load().get(0).cost();

        assertNotNull(c, catalog.load().get(0).costNote());
        assertEquals(49, c.pixels());
        assertEquals(49, c.bytesRaw(), "grey 7x7 at 8 bits");
        assertTrue(c.macs() > 0 && c.params() > 0);
        assertTrue(c.bytesJpeg() > 0 && c.bytesPng() > 0);
        assertEquals(10, c.classes());
    }

    @Test
    void methodIsDerivedFromTheConfig() {
        assertEquals("baseline", RunEntries.methodOf(RunsFixture.config("x", "resnet18", 7, "baseline"), "run"));
        assertEquals("kd", RunEntries.methodOf(RunsFixture.config("x", "resnet18", 7, "kd"), "run"));
        assertEquals("at", RunEntries.methodOf(RunsFixture.config("x", "resnet18", 7, "at"), "sweep cell"));
        assertEquals("isrd", RunEntries.methodOf(RunsFixture.config("x", "resnet18", 7, "isrd"), "run"));
        assertEquals("tas", RunEntries.methodOf(RunsFixture.config("x", "resnet18", 7, "tas"), "run"));
        assertEquals("teacher", RunEntries.methodOf(RunsFixture.config("x", "resnet18", 28, "baseline"), "teacher"));
        RunConfig kdAt = RunsFixture.config("x", "resnet18", 7, "kd");
        kdAt = kdAt.withDistill(DistillConfig.of(kdAt.distill().get(KdConfig.class), AtConfig.KIND.defaults()));
        assertEquals("kd+at", RunEntries.methodOf(kdAt, "run"));
    }
}
