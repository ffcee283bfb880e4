package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.DistillerKinds;
import org.pixeldistill.core.config.IsrdConfig;

/** The command line over the core, run in this JVM with its output captured. */
class CliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void noArgumentsPrintsUsage() {
        CliRun o = run();
        assertEquals(0, o.code());
        assertTrue(o.out().contains("train") && o.out().contains("bench"), o.out());
    }

    @Test
    void trainTheDemoBaselineOnASliceWithOverrides() throws Exception {
        CliRun o = run("train", "--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--out",
                dir.toString(), "--set", "train.epochs=1", "--set", "data.train_limit=300", "--set",
                "data.test_limit=100", "--device", "cpu");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("test top-1"), o.out());
        assertTrue(o.out().contains("finished"), o.out());
        try (var runs = Files.list(dir)) {
            Path run = runs.findFirst().orElseThrow();
            assertTrue(Files.readString(run.resolve("config.yaml")).contains("train_limit: 300"));
            CliRun eval = run("eval", run.toString(), "--checkpoint", "last");
            assertEquals(0, eval.code(), eval.err());
            assertTrue(eval.out().contains("top-1"), eval.out());
        }
    }

    @Test
    void badInputEndsWithOneLineAndExitCode2() {
        CliRun o = run("train", "--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--set", "train.epoch=1",
                "--out", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("'train.epoch'"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void benchEndsWithTheMachineReadableLine() {
        CliRun o = run("bench", "--config", "sample-configs/demo-fashion-mnist-isrd.yaml", "--steps", "3", "--warmup",
                "1", "--set", "data.train_limit=200");
        assertEquals(0, o.code(), o.err());
        String last = o.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("img/s=\\d+(\\.\\d+)? data_wait=\\d+(\\.\\d+)?% teacher_cache=on"), last);
    }

    @Test
    void infoListsBackbonesAndDevice() {
        CliRun o = run("info");
        assertEquals(0, o.code(), o.err());
        for (String name : new String[] {"resnet18", "resnet50", "mobilenet_v2", "vit_tiny", "vit_small", "isrd", "cub"}) {
            assertTrue(o.out().contains(name), name + " missing in: " + o.out());
        }
        assertTrue(o.out().contains("device auto -> cpu"), o.out());
        for (String distiller : DistillerKinds.names()) {
            assertTrue(o.out().contains("  " + distiller + ": "), distiller + " missing in: " + o.out());
        }
        // the ratio rule itself, not a copy of it: r = 3 falls above r = 2
        assertTrue(o.out().contains("r=2 eta 10.0, r=3 eta 50.0"), o.out());
    }

    @Test
    void sweepHelpStatesTheEtaRule() {
        CliRun o = run("sweep", "--help");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().replaceAll("\\s+", " ").contains(IsrdConfig.ETA_RULE), o.out());
    }

    @Test
    void sweepWritesItsTableAndSkipsFinishedCellsWhenRunAgain() throws Exception {
        String[] args = {"sweep", "--config", "sample-configs/demo-fashion-mnist-tas.yaml", "--ratios", "4",
            "--methods", "baseline,tas", "--seeds", "1", "--out", dir.toString(), "--set", "train.epochs=1",
            "--set", "data.train_limit=300", "--set", "data.test_limit=100", "--set", "teacher.set=[train.epochs=1]"};
        CliRun first = run(args);
        assertEquals(0, first.code(), first.err());
        Path csv = dir.resolve("sweeps/demo-fmnist-tas/sweep.csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("macs") && lines.get(0).contains("pareto_macs"), lines.get(0));
        assertTrue(lines.get(1).startsWith("resnet18-r4-baseline,resnet18,baseline,4,7,finished"), lines.get(1));
        assertTrue(lines.get(2).startsWith("resnet18-r4-tas,resnet18,tas,4,7,finished"), lines.get(2));
        CliRun again = run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("resnet18-r4-tas: finished already, skipped"), again.out());
    }
}
