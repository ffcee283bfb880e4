package org.pixeldistill.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;

/** Tiny configs on a slice of the committed Fashion-MNIST demo data: seconds per run. */
final class TinyRuns {
    static final String DATA = Path.of("assets/fashion-mnist").toAbsolutePath().toString();

    private TinyRuns() {}

    static String data(int train, int test) {
        return "data:\n  dataset: fashion-mnist\n  path: " + DATA + "\n  train_limit: " + train + "\n  test_limit: " + test
                + "\n  crop: pad\n  pad: 2\n  flip: false\n  interpolation: area\n  workers: 2\n";
    }

    static String model(int size) {
        return "model:\n  backbone: resnet18\n  input_size: " + size + "\n  width: 0.125\n  stem: small\n";
    }

    static String train(int epochs) {
        return "train:\n  epochs: " + epochs + "\n  batch_size: 32\n  lr: 0.05\n  schedule: cosine\n  seeds: [0]\n";
    }

    static Path write(Path dir, String file, String yaml) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(file);
            Files.writeString(p, yaml);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunConfig load(Path file, String... overrides) {
        return ConfigLoader.load(file, List.of(overrides));
    }

    /** A teacher config (14x14) and a student config (7x7) with the given distill section. */
    static Path studentWithTeacher(Path dir, String name, String distill, int teacherEpochs, int studentEpochs) {
        write(dir, "teacher.yaml", "name: tiny-teacher\n" + data(600, 200) + model(14) + train(teacherEpochs));
        return write(dir, name + ".yaml", "name: " + name + "\nteacher:\n  config: teacher.yaml\n" + data(600, 200)
                + model(7) + "distill:\n" + distill + train(studentEpochs));
    }
}
