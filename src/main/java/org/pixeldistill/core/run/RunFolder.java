package org.pixeldistill.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;

/**
 * One run's folder on disk: config.yaml (fully resolved), metrics.csv, summary.json and
 * checkpoints/&lt;stage&gt;-seed-&lt;n&gt;/. Every file in it is written atomically.
 */
public final class RunFolder {
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final MetricsCsv metrics;

    private RunFolder(Path dir) {
        this.dir = dir;
        this.metrics = new MetricsCsv(dir.resolve("metrics.csv"));
    }

    /** A new folder {@code <root>/<name>-<timestamp>} (with a suffix if that exists already). */
    public static RunFolder create(Path root, String name) {
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(root);
            Path dir = root.resolve(base);
            for (int i = 2; Files.exists(dir); i++) {
                dir = root.resolve(base + "-" + i);
            }
            Files.createDirectories(dir);
            return new RunFolder(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot create run folder under " + root + ": " + e.getMessage());
        }
    }

    /** A folder at exactly this path, created if needed (teacher cache entries). */
    public static RunFolder at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot create run folder " + dir + ": " + e.getMessage());
        }
        return new RunFolder(dir);
    }

    /** An existing run, for resume, eval and the runs table. */
    public static RunFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve("config.yaml"))) {
            throw new ConfigException("not a run folder (no config.yaml): " + dir);
        }
        return new RunFolder(dir);
    }

    /**
     * The runs folder a run belongs to, where its teachers and assistants are cached: the parent
     * of an ordinary run, two levels up for a cached teacher or assistant
     * ({@code <root>/teachers/x}), four for a sweep cell ({@code <root>/sweeps/<sweep>/cells/x}).
     */
    public static Path runsRootOf(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        String kind = parent.getFileName() == null ? "" : parent.getFileName().toString();
        return switch (kind) {
            case "teachers", "assistants" -> parent.getParent();
            case "cells" -> parent.getParent().getParent().getParent();
            default -> parent;
        };
    }

    public Path dir() {
        return dir;
    }

    public MetricsCsv metrics() {
        return metrics;
    }

    public Path checkpointDir(Stage stage, int seed) {
        return dir.resolve("checkpoints").resolve(stage.key() + "-seed-" + seed);
    }

    public void writeConfig(RunConfig config) {
        AtomicFiles.writeString(dir.resolve("config.yaml"), ConfigLoader.toYaml(config));
    }

    public RunConfig readConfig() {
        return ConfigLoader.load(dir.resolve("config.yaml"));
    }

    public void writeSummary(RunSummary summary) {
        AtomicFiles.write(dir.resolve("summary.json"), out -> JSON.writeValue(out, summary));
    }

    public Optional<RunSummary> readSummary() {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunSummary summary = JSON.readValue(file.toFile(), RunSummary.class);
            return Optional.of(summary.score() != null ? summary : summary.withScore(scoreFromConfig()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The score of a run whose summary predates named scores: mAP50 for a detector, else top-1. */
    private Score scoreFromConfig() {
        try {
            return Score.forDetection(readConfig().isDetection());
        } catch (ConfigException | UncheckedIOException e) {
            return Score.TOP1; // what such a summary meant unless its config says detector
        }
    }

    /** A small JSON file beside the others (checkpoint state). */
    public static void writeJson(Path file, Object value) {
        AtomicFiles.write(file, out -> JSON.writeValue(out, value));
    }

    public static <T> Optional<T> readJson(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
