package org.pixeldistill.core.report;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.util.RelativePaths;

/**
 * The teachers and assistants the sweep's cells distilled from, with their own scores: a student's
 * gain means little without knowing how good the network it learnt from was.
 */
final class ReportSources {
    private ReportSources() {}

    /** A "Teacher and assistant" section, or "" when no cell distilled from anything. */
    static String section(SweepFolder sweep, String metric, Path reportDir) {
        Map<Path, String> roles = new LinkedHashMap<>();
        sweep.summaries().values().stream().map(RunSummary::provenance).filter(Objects::nonNull).forEach(p -> {
            add(roles, p.teacherRun(), "teacher");
            add(roles, p.assistantRun(), "assistant");
        });
        if (roles.isEmpty()) {
            return "";
        }
        MarkdownTable table = new MarkdownTable(List.of("role", "run", "backbone", "width", "input", "training images",
                "epochs", "best " + metric), 4);
        roles.forEach((dir, role) -> table.add(row(dir, role, reportDir)));
        return "## Teacher and assistant\n\nThe frozen networks the distilled cells learnt from, trained once and"
                + " shared by every cell and seed that needs them; best test " + metric + " of their seed, in percent.\n\n"
                + table.render() + '\n';
    }

    private static void add(Map<Path, String> roles, String run, String role) {
        if (run != null && !run.isBlank()) {
            roles.putIfAbsent(Path.of(run).toAbsolutePath().normalize(), role);
        }
    }

    private static List<String> row(Path dir, String role, Path reportDir) {
        String name = String.valueOf(dir.getFileName());
        if (!Files.isDirectory(dir)) {
            return List.of(role, name, "—", "—", "—", "—", "—", "not found at " + RelativePaths.of(reportDir, dir));
        }
        RunFolder folder = RunFolder.open(dir);
        Optional<RunConfig> config = readConfig(folder);
        Optional<RunSummary> summary = folder.readSummary();
        String backbone = config.map(c -> c.model().backbone() + (c.isDetection() ? " detector" : "")).orElse("—");
        String width = config.map(c -> ReportFormat.count(c.model().width(), 2)).orElse("—");
        String input = config.map(c -> c.model().inputSize() + " px").orElse("—");
        String images = summary.map(RunSummary::provenance).filter(Objects::nonNull)
                .map(p -> Integer.toString(p.trainSize())).orElse("—");
        String epochs = config.map(c -> Integer.toString(c.train().epochs())).orElse("—");
        String best = summary.filter(s -> s.bestScore() != null).map(s -> ReportFormat.pct(s.bestScore()))
                .orElse(summary.map(RunSummary::status).orElse("no summary"));
        return List.of(role, name, backbone, width, input, images, epochs, best);
    }

    private static Optional<RunConfig> readConfig(RunFolder folder) {
        try {
            return Optional.of(folder.readConfig());
        } catch (ConfigException | UncheckedIOException e) {
            return Optional.empty(); // the table shows dashes rather than failing the whole report
        }
    }
}
