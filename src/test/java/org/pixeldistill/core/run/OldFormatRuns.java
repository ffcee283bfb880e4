package org.pixeldistill.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs written before scores were named (summary.json with best_top1/last_top1 and no score, a
 * detector's mAP50 in metrics.csv's score_map50), committed under src/test/resources/old-format
 * (its README says how they were made). {@link #copyTo} gives each test its own copy, with the
 * paths the records hold pointed at the copy and at the committed demo data.
 */
public final class OldFormatRuns {
    /** A classifier run, seeds 0 and 1 of two epochs: seed 0 finished, seed 1 stopped after its first epoch. */
    public static final String MODEL = "runs/old-model-20261205-020904";
    /** A finished detector run, one seed of four epochs (best mAP50 2.78 % at the fourth). */
    public static final String DETECTOR = "runs/old-detector-20261205-020846";
    /** A finished sweep: cells resnet18-r2-baseline (top-1 11 %) and resnet18-r2-kd (7 %) at 7 px. */
    public static final String SWEEP = "runs/sweeps/old-sweep";
    /** The sweep's cached teacher (top-1 12 %). */
    public static final String TEACHER = "runs/teachers/old-teacher-51832b776aad";

    /** Where the records were made: the folder that held configs/, data/ and runs/. */
    private static final String MADE_IN = "/tmp/pdw-old";
    private static final String MADE_WITH_DATA = MADE_IN + "/data/fashion-mnist";
    private static final List<String> TEXT = List.of(".yaml", ".json", ".csv");

    private OldFormatRuns() {}

    /** Copies the records into {@code dir} (configs/ and runs/) and returns {@code dir}. */
    public static Path copyTo(Path dir) {
        Path source = source();
        String data = Path.of("assets/fashion-mnist").toAbsolutePath().toString();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(source.relativize(from).toString());
                Files.createDirectories(to.getParent());
                if (TEXT.stream().anyMatch(from.toString()::endsWith)) {
                    Files.writeString(to, Files.readString(from).replace(MADE_WITH_DATA, data)
                            .replace(MADE_IN, dir.toAbsolutePath().toString()));
                } else {
                    Files.copy(from, to);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path source() {
        try {
            return Path.of(OldFormatRuns.class.getResource("/old-format").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
