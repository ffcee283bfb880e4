package org.pixeldistill.core.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;

/**
 * One tiny finished detector run, trained once per test JVM and shared by the detection view's
 * tests: a teacher at 56 (ImageNet stem, 3 epochs: enough for a few boxes above 0.05) and a student
 * at 14 (small stem, r = 4, 2 epochs) distilled from it without AFP, on 48 generated 56-pixel
 * scenes (about ten seconds on two cores). The student's scores stay near the focal loss's prior
 * (0.01), so tests that need its boxes open the run with a score floor of 0.
 */
public final class TinyDetectorRuns {
    public static final String DATA = Path.of("assets/fashion-mnist").toAbsolutePath().toString();
    /** Test scenes of the tiny run. */
    public static final int TEST_IMAGES = 8;

    private static Path runsRoot;
    private static RunFolder student;
    private static RunFolder tasStudent;
    private static RunFolder twoSeeds;

    private TinyDetectorRuns() {}

    /** The finished student run (its teacher is cached under the same runs folder). */
    public static synchronized RunFolder student() {
        if (student == null) {
            try {
                runsRoot = Files.createTempDirectory("tiny-detector-runs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(runsRoot)));
            write(runsRoot.resolve("configs"), "teacher.yaml", "name: det-teacher\n" + data() + model(56, "imagenet")
                    + detect("") + train(3));
            student = train("student.yaml", "name: det-student\nteacher:\n  config: teacher.yaml\n" + data()
                    + model(14, "small") + detect("  distill:\n    aligned: false\n") + train(2));
        }
        return student;
    }

    /**
     * A TAS run in the same runs folder (its teacher is {@link #student()}'s, reused from the cache):
     * an assistant (the student's network at 56, levels shifted to the student's grids) trained for
     * one epoch, then the student at 14 distilled from it with AFP, one epoch.
     */
    public static synchronized RunFolder tasStudent() {
        student();
        if (tasStudent == null) {
            tasStudent = train("tas.yaml", "name: det-tas\nteacher:\n  config: teacher.yaml\n"
                    + "tas:\n  init_from_assistant: false\n" + data() + model(14, "small") + detect("") + train(1));
        }
        return tasStudent;
    }

    /** A detector trained alone at 14 with seeds 0 and 1, one epoch each, in the same runs folder. */
    public static synchronized RunFolder twoSeeds() {
        student();
        if (twoSeeds == null) {
            twoSeeds = train("two-seeds.yaml", "name: det-two-seeds\n" + data() + model(14, "small") + detect("")
                    + train(1).replace("seeds: [0]", "seeds: [0, 1]"));
        }
        return twoSeeds;
    }

    /** Writes {@code yaml} as configs/{@code name} under the runs folder and trains it there. */
    private static RunFolder train(String name, String yaml) {
        Path cfg = write(runsRoot.resolve("configs"), name, yaml);
        return new RunPipeline(runsRoot, new TrainingListener() {}, new Cancellation()).train(ConfigLoader.load(cfg));
    }

    /** The runs folder holding {@link #student()} and its cached teacher. */
    public static synchronized Path runsRoot() {
        student();
        return runsRoot;
    }

    private static String data() {
        return "data:\n  dataset: fashion-mnist-scenes\n  path: " + DATA + "\n  train_limit: 48\n  test_limit: " + TEST_IMAGES
                + "\n  interpolation: area\n  workers: 1\n";
    }

    private static String model(int size, String stem) {
        return "model:\n  backbone: resnet18\n  input_size: " + size + "\n  width: 0.125\n  stem: " + stem + "\n";
    }

    private static String detect(String distill) {
        return "detect:\n  canvas: 56\n  max_items: 2\n  pyramid_channels: 16\n  head_convs: 1\n  anchor_size: 2\n"
                + distill;
    }

    private static String train(int epochs) {
        return "train:\n  epochs: " + epochs + "\n  batch_size: 16\n  lr: 0.1\n  clip_grad_norm: 1.0\n  seeds: [0]\n";
    }

    private static Path write(Path dir, String name, String yaml) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
