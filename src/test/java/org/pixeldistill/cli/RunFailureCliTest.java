package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;

/**
 * Failures the tester found, each ending with exit 2 and one line on stderr that names the key
 * or file, the same line in the run folder's summary.json (status failed); no run folder is left
 * without a summary.
 */
class RunFailureCliTest {
    private static final String BASELINE = "sample-configs/demo-fashion-mnist-baseline.yaml";

    @TempDir
    Path dir;

    private CliRun train(String... sets) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--config", BASELINE, "--out",
                dir.resolve("runs").toString(), "--set", "train.epochs=1", "--set", "data.train_limit=40", "--set",
                "data.test_limit=20", "--set", "train.batch_size=8"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Exit 2, one "error:" line holding {@code mustName}, and that line is the summary's message. */
    private RunSummary assertFailedWithOneLine(CliRun o, String mustName) throws IOException {
        assertEquals(2, o.code(), o.out() + o.err());
        String err = o.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: ") && err.contains(mustName), err);
        Path run = onlyRun();
        RunSummary summary = RunFolder.open(run).readSummary().orElseThrow(() -> new AssertionError("no summary in " + run));
        assertEquals("failed", summary.status());
        assertEquals(err.substring("error: ".length()), summary.message());
        return summary;
    }

    private Path onlyRun() throws IOException {
        try (var runs = Files.list(dir.resolve("runs"))) {
            List<Path> all = runs.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void anUnknownBackboneLeavesAFailedSummary() throws IOException {
        assertFailedWithOneLine(train("model.backbone=resnet9000"), "resnet9000");
    }

    @Test
    void missingDataLeavesAFailedSummary() throws IOException {
        Path nowhere = dir.resolve("no-such-data");
        assertFailedWithOneLine(train("data.path=" + nowhere), nowhere.toString());
    }

    @Test
    void anImageLargerThanTheCapIsRefusedFromItsHeaderNamingIt() throws IOException {
        Path data = dir.resolve("images");
        for (String split : List.of("train", "test")) {
            for (String cls : List.of("a", "b")) {
                Path folder = Files.createDirectories(data.resolve(split).resolve(cls));
                for (int i = 0; i < 3; i++) {
                    ImageIO.write(new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB), "png",
                            folder.resolve("img" + i + ".png").toFile());
                }
            }
        }
        // 20000x20000 declared by its header, and nothing behind it: decoding would need 4.8 GB of
        // floats, and the refusal must come before any of it
        Path huge = data.resolve("train/a/huge.png");
        Files.write(huge, pngHeaderOnly(20000, 20000));
        RunSummary s = assertFailedWithOneLine(train("data.dataset=image-folder", "data.path=" + data, "data.crop=none",
                "data.train_limit=0", "data.test_limit=0"), huge.toString());
        assertTrue(s.message().contains("20000x20000") && s.message().contains("data.max_image_pixels"), s.message());
    }

    @Test
    void theImageCapIsAConfigKey() throws IOException {
        Path data = dir.resolve("images");
        for (String cls : List.of("a", "b")) {
            Path folder = Files.createDirectories(data.resolve(cls));
            for (int i = 0; i < 4; i++) {
                ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png",
                        folder.resolve("img" + i + ".png").toFile());
            }
        }
        assertFailedWithOneLine(train("data.dataset=image-folder", "data.path=" + data, "data.crop=none",
                "data.train_limit=0", "data.test_limit=0", "data.max_image_pixels=1000"), "40x30");
    }

    @Test
    void aBatchThatCannotFitIsRefusedBeforeAllocating() throws IOException {
        RunSummary s = assertFailedWithOneLine(train("model.input_size=1024", "train.batch_size=64"), "1024x1024");
        assertTrue(s.message().contains("model.input_size"), s.message());
    }

    @Test
    void anUnwritableMetricsFileIsNamed() throws IOException {
        // a run folder whose metrics.csv is a folder: no write to it can succeed (also as root)
        CliRun first = train("name=unwritable");
        assertEquals(0, first.code(), first.err());
        Path run = onlyRun();
        deleteTree(run.resolve("checkpoints"));
        Files.delete(run.resolve("metrics.csv"));
        Files.createDirectories(run.resolve("metrics.csv").resolve("blocker"));
        CliRun o = CliRun.of("train", "--resume", run.toString());
        assertFailedWithOneLine(o, run.resolve("metrics.csv").toString());
    }

    @Test
    void aTruncatedOptimizerStateIsNamedAndTheRunGoesOnWithoutMomentum() throws IOException {
        Path runs = dir.resolve("runs");
        Cancellation cancel = new Cancellation();
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpoch(MetricsRow row) {
                cancel.cancel();
            }
        };
        try {
            new RunPipeline(runs, stopAfterFirstEpoch, cancel).train(ConfigLoader.load(Path.of(BASELINE),
                    List.of("train.epochs=2", "data.train_limit=40", "data.test_limit=20", "train.batch_size=8")));
        } catch (RunCancelledException expected) {
            // one epoch saved
        }
        Path run = onlyRun();
        Path optim = run.resolve("checkpoints/model-seed-0/last.optim");
        byte[] bytes = Files.readAllBytes(optim);
        Files.write(optim, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun o = CliRun.of("train", "--resume", run.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue((o.out() + o.err()).contains(optim.toString()), o.out() + o.err());
        assertTrue(Files.isRegularFile(optim.resolveSibling("last.optim.damaged")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A PNG signature and an IHDR chunk (8-bit grey) with no image data. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[] {8, 0, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        out.writeInt(body.length - 4);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
