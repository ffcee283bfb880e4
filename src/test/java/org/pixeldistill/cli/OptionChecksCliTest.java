package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad numbers and option combinations end with one line naming the option or key, and exit code 2. */
class OptionChecksCliTest {
    private static final String CONFIG = "sample-configs/demo-fashion-mnist-baseline.yaml";

    @TempDir
    Path dir;

    private static void refused(String expected, String... args) {
        CliRun o = CliRun.of(args);
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("error: ") && o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(o.out().contains("img/s="), o.out());
    }

    @Test
    void benchNeedsAMeasuredStepAndSensibleThreads() {
        refused("--steps must be >= 1, got 0", "bench", "--config", CONFIG, "--steps", "0");
        refused("--steps must be >= 1, got -3", "bench", "--config", CONFIG, "--steps", "-3");
        refused("--warmup must be >= 0", "bench", "--config", CONFIG, "--warmup", "-1");
        refused("--threads must be between 0 and 1024, got -1", "bench", "--config", CONFIG, "--threads", "-1");
    }

    @Test
    void trainChecksThreadsAndConfigBeforeStarting() throws Exception {
        refused("--threads must be between 0 and 1024", "train", "--config", CONFIG, "--threads", "-1", "--out",
                dir.toString());
        refused("/dev/zero is not a regular file", "train", "--config", "/dev/zero", "--out", dir.toString());
        refused("error: --set train.lr=.nan: train.lr must be a finite number", "train", "--config", CONFIG, "--set",
                "train.lr=.nan", "--out", dir.toString());
        refused("error: --set train.epochs=99999999999: train.epochs must be a whole number", "train", "--config",
                CONFIG, "--set", "train.epochs=99999999999", "--out", dir.toString());
        refused("model.input_size must be between 1 and 1024, got 4096", "train", "--config", CONFIG, "--set",
                "model.input_size=4096", "--out", dir.toString());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no run folder for refused input");
        }
    }

    @Test
    void resumeRefusesSetAndDevice() {
        Path run = dir.resolve("some-run");
        refused("train --resume continues a run with its own config; --set and --device cannot change it", "train",
                "--resume", run.toString(), "--set", "train.epochs=5");
        refused("--set and --device cannot change it", "train", "--resume", run.toString(), "--device", "cpu");
    }

    @Test
    void costChecksTheSizeBeforeBuildingANetwork() {
        refused("--size must be between 1 and 1024, got 100000", "cost", "--backbone", "resnet18", "--size", "100000");
        refused("--size must be between 1 and 1024, got 0", "cost", "--backbone", "resnet18", "--size", "0");
        refused("--classes must be between 1", "cost", "--backbone", "resnet18", "--size", "28", "--classes", "0");
        refused("--patch-size must be between 0 and 28", "cost", "--backbone", "vit_tiny", "--size", "28",
                "--patch-size", "56");
    }

    @Test
    void sliceAndSweepNeedAtLeastOne() {
        refused("--train must be >= 1, got 0", "slice", "--from", "assets/fashion-mnist", "--out",
                dir.resolve("s").toString(), "--train", "0");
        refused("--test must be >= 1, got -5", "slice", "--from", "assets/fashion-mnist", "--out",
                dir.resolve("s").toString(), "--test", "-5");
        refused("--seeds must be at least 1", "sweep", "--config", "sample-configs/demo-fashion-mnist-isrd.yaml",
                "--seeds", "0", "--out", dir.toString());
    }
}
