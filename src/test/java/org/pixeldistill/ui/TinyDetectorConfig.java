package org.pixeldistill.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A detector config file as a user would write one: generated scenes, a tiny network, one epoch (seconds). */
public final class TinyDetectorConfig {
    private TinyDetectorConfig() {}

    /** Writes {@code dir/tiny-detector.yaml}, named tiny-detector; {@code extra} goes in after the name. */
    public static Path write(Path dir, String extra) {
        String data = Path.of("assets/fashion-mnist").toAbsolutePath().toString();
        try {
            return Files.writeString(dir.resolve("tiny-detector.yaml"), "name: tiny-detector\n" + extra
                    + "data:\n  dataset: fashion-mnist-scenes\n  path: " + data + "\n  train_limit: 32\n  test_limit: 4\n"
                    + "  workers: 1\nmodel:\n  backbone: resnet18\n  input_size: 28\n  width: 0.125\n"
                    + "detect:\n  canvas: 56\n  max_items: 2\n  pyramid_channels: 16\n  head_convs: 1\n"
                    + "train:\n  epochs: 1\n  batch_size: 16\n  seeds: [0]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
