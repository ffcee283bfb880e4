package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.loop.TrainingFailedException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;

/** Each bad input stops with a one-line reason naming the key or file, and nothing is lost. */
class BadInputTest {
    @TempDir
    Path dir;

    private RunPipeline pipeline() {
        return new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation());
    }

    private Path config(String name, String model, String extraData) {
        return TinyRuns.write(dir, name + ".yaml", "name: " + name + "\n" + TinyRuns.data(100, 50) + extraData + model
                + TinyRuns.train(1));
    }

    @Test
    void unknownBackbone() {
        Path file = config("bb", "model:\n  backbone: resnet19\n  input_size: 28\n", "");
        ConfigException e = assertThrows(ConfigException.class, () -> pipeline().train(TinyRuns.load(file)));
        assertTrue(e.getMessage().contains("unknown backbone 'resnet19'"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void studentInputSmallerThanItsPatch() {
        Path file = config("vit", "model:\n  backbone: vit_tiny\n  input_size: 7\n  patch_size: 16\n", "");
        ConfigException e = assertThrows(ConfigException.class, () -> pipeline().train(TinyRuns.load(file)));
        assertTrue(e.getMessage().contains("input_size 7 is too small"), e.getMessage());
    }

    @Test
    void missingDataFolderIsNamed() {
        Path file = config("missing", TinyRuns.model(7), "");
        ConfigException e = assertThrows(ConfigException.class,
                () -> pipeline().train(TinyRuns.load(file, "data.path=" + dir.resolve("nowhere"))));
        assertTrue(e.getMessage().contains(dir.resolve("nowhere").toString()), e.getMessage());
    }

    @Test
    void nanLossStopsWithWhereItHappenedAndKeepsTheRecords() {
        // a std below float's range makes the normalised inputs infinite: the loss is NaN at once
        String yaml = "name: nan\n" + TinyRuns.data(100, 50).replace("  workers: 2\n", "  workers: 2\n  mean: [0.5]\n"
                + "  std: [1.0e-45]\n") + TinyRuns.model(7) + TinyRuns.train(1);
        Path file = TinyRuns.write(dir, "nan.yaml", yaml);
        TrainingFailedException e = assertThrows(TrainingFailedException.class,
                () -> pipeline().train(TinyRuns.load(file)));
        assertTrue(e.getMessage().contains("not finite") && e.getMessage().contains("epoch 1, batch 1"), e.getMessage());
        try (var runs = Files.list(dir.resolve("runs"))) {
            RunFolder run = RunFolder.open(runs.findFirst().orElseThrow());
            assertEquals("failed", run.readSummary().orElseThrow().status());
        } catch (IOException io) {
            throw new AssertionError(io);
        }
    }

    @Test
    void gpuWithoutOneIsAClearError() {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0);
        ConfigException e = assertThrows(ConfigException.class, () -> Devices.choose("gpu"));
        assertTrue(e.getMessage().startsWith("device gpu: the engine sees no GPU"));
        assertEquals(Device.cpu(), Devices.choose("auto"));
    }
}
