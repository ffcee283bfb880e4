package org.pixeldistill.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;

/**
 * A sweep folder ({@code <out>/sweeps/<name>/}) read for a report: sweep.csv, and for each cell
 * that has started its run folder's summary.json and config.yaml.
 *
 * @param cellDirs run folder of each cell that has one, by cell id
 * @param summaries summary of each cell that has one, by cell id
 * @param configs resolved config of each cell that has a readable one, by cell id
 */
public record SweepFolder(Path dir, SweepCsv.Table table, Map<String, Path> cellDirs,
        Map<String, RunSummary> summaries, Map<String, RunConfig> configs) {

    public static SweepFolder read(Path dir) {
        Path csv = dir.resolve("sweep.csv");
        if (!Files.isRegularFile(csv)) {
            throw new ConfigException("no sweep.csv in " + dir + " (expected " + csv + ")");
        }
        SweepCsv.Table table = SweepCsv.read(csv);
        Map<String, Path> dirs = new LinkedHashMap<>();
        Map<String, RunSummary> summaries = new LinkedHashMap<>();
        Map<String, RunConfig> configs = new LinkedHashMap<>();
        for (SweepRow row : table.rows()) {
            Optional<Path> cellDir = cellDir(dir, row);
            if (cellDir.isEmpty()) {
                continue;
            }
            dirs.put(row.cell(), cellDir.get());
            RunFolder folder = RunFolder.open(cellDir.get());
            try {
                folder.readSummary().ifPresent(s -> summaries.put(row.cell(), s));
            } catch (UncheckedIOException e) {
                throw new ConfigException("cannot read " + cellDir.get().resolve("summary.json") + ": "
                        + e.getCause().getMessage().lines().findFirst().orElse(""));
            }
            try {
                configs.put(row.cell(), ConfigLoader.load(cellDir.get().resolve("config.yaml")));
            } catch (ConfigException e) {
                // an unreadable config only costs the report its epochs line; the accuracy is in sweep.csv
            }
        }
        return new SweepFolder(dir, table, dirs, summaries, configs);
    }

    /** The sweep's name: its folder's. */
    public String name() {
        Path file = dir.toAbsolutePath().normalize().getFileName();
        return file == null ? dir.toString() : file.toString();
    }

    public List<SweepRow> rows() {
        return table.rows();
    }

    /**
     * The cell's run folder: the recorded path, relative to the sweep's folder (as sweep.csv names
     * it now) or as it stands (absolute, or relative to where an older sweep ran); else, since the
     * sweep may have been moved, a folder of the same name under cells/, else one named
     * {@code <cell>-<hash>} there.
     */
    static Optional<Path> cellDir(Path sweepDir, SweepRow row) {
        Path cells = sweepDir.resolve("cells");
        if (!row.runFolder().isBlank()) {
            Path recorded = Path.of(row.runFolder());
            for (Path candidate : List.of(sweepDir.resolve(recorded).normalize(), recorded)) {
                if (isRun(candidate)) {
                    return Optional.of(candidate);
                }
            }
            Path moved = cells.resolve(recorded.getFileName().toString());
            if (isRun(moved)) {
                return Optional.of(moved);
            }
        }
        if (!Files.isDirectory(cells)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(cells)) {
            String prefix = row.cell() + "-";
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().substring(prefix.length()).matches("[0-9a-f]+"))
                    .filter(SweepFolder::isRun).sorted().findFirst();
        } catch (IOException e) {
            throw new ConfigException("cannot list " + cells + ": " + e.getMessage());
        }
    }

    private static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("config.yaml"));
    }
}
