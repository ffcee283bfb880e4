package org.pixeldistill.core.report;

import java.util.Locale;
import java.util.function.Function;
import org.pixeldistill.core.util.RelativePaths;
import org.pixeldistill.core.util.Texts;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunSummary;

/**
 * A Markdown report of a sweep folder: set-up (machine, engine, data, seeds, epochs, wall time),
 * accuracy per student and method across ratios, cost per ratio, the Pareto front, and findings
 * written from the numbers. Everything comes from sweep.csv and the cells' run folders, so a
 * report can be made again at any time, also of a sweep that is still running.
 */
public final class SweepReport {
    private SweepReport() {}

    /** The report of {@code sweepDir}; {@code command} is recorded as what generated it. */
    public static String render(Path sweepDir, String command) {
        return render(List.of(sweepDir), command);
    }

    /** {@link #render(List, Path, String)} of a report that is printed, or kept in the working directory. */
    public static String render(List<Path> sweepDirs, String command) {
        return render(sweepDirs, Path.of(""), command);
    }

    /**
     * One report of several sweeps (e.g. the classifier and the detector results in one
     * RESULTS.md): a title and the command, then each sweep's report as a part of its own, in the
     * order given, its headings one level down. One sweep gives exactly that sweep's report.
     * Folders are named relative to {@code reportDir}, the folder the report is written into
     * ({@link RelativePaths}), so that the report names none of this machine's folders.
     */
    public static String render(List<Path> sweepDirs, Path reportDir, String command) {
        MachineInfo machine = MachineInfo.current();
        ZonedDateTime now = ZonedDateTime.now();
        List<SweepFolder> sweeps = sweepDirs.stream().map(SweepFolder::read).toList();
        if (sweeps.size() == 1) {
            return render(sweeps.get(0), reportDir, command, machine, now);
        }
        StringBuilder md = new StringBuilder("# Results: ")
                .append(sweeps.stream().map(SweepFolder::name).collect(Collectors.joining(", "))).append("\n\n");
        header(md, command, now);
        md.append("- Parts: ").append(sweeps.stream().map(s -> "[" + s.name() + "](#sweep-report-" + s.name() + ")")
                .collect(Collectors.joining(", "))).append("\n\n");
        for (SweepFolder sweep : sweeps) {
            md.append(render(sweep, reportDir, null, machine, now).replaceAll("(?m)^#", "##"));
        }
        return md.toString();
    }

    /** A report kept in the working directory. */
    static String render(SweepFolder sweep, String command, MachineInfo machine, ZonedDateTime now) {
        return render(sweep, Path.of(""), command, machine, now);
    }

    /** {@code command} null leaves out the generated-by and date lines (a part of a larger report). */
    static String render(SweepFolder sweep, Path reportDir, String command, MachineInfo machine, ZonedDateTime now) {
        SweepGrid grid = new SweepGrid(sweep.rows());
        // a detector sweep's score is mAP at IoU 0.5 (kept in the top-1 fields of the records)
        String metric = sweep.configs().values().stream().anyMatch(RunConfig::isDetection) ? "mAP50" : "top-1";
        StringBuilder md = new StringBuilder();
        md.append("# Sweep report: ").append(sweep.name()).append("\n\n");
        if (command != null) {
            header(md, command, now);
        }
        md.append("- Sweep folder: ").append(RelativePaths.of(reportDir, sweep.dir())).append("\n\n");
        md.append("## Set-up\n\n").append(setup(sweep, machine, reportDir)).append('\n');
        md.append(ReportSources.section(sweep, metric, reportDir));
        md.append("## Accuracy\n\n");
        md.append("Test " + metric + " in percent: mean over seeds of each seed's best epoch ± the standard deviation over seeds,"
                + " with the mean of the last epoch in brackets. r = 1 is the reference: the student at the teacher's"
                + " input size. A cell without a result shows — and its status.\n\n");
        for (String student : grid.students()) {
            md.append("### ").append(student).append("\n\n").append(ReportTables.headline(grid, student)).append('\n');
        }
        md.append("## Cost\n\n").append(ReportTables.cost(grid)).append('\n').append(ReportTables.costNote(grid))
                .append('\n');
        md.append(paretoSection(sweep, grid, metric));
        md.append("## Findings\n\n");
        md.append("A method is said to beat or trail the baseline only when the difference of the mean best " + metric
                + " exceeds the two standard deviations added; otherwise the difference is within the spread.\n\n");
        for (String student : grid.students()) {
            if (grid.students().size() > 1) {
                md.append("### ").append(student).append("\n\n");
            }
            List<String> findings = Findings.of(grid, student);
            if (findings.isEmpty()) {
                md.append("No finished cells to compare yet.\n");
            }
            findings.forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void header(StringBuilder md, String command, ZonedDateTime now) {
        md.append("- Generated by: `").append(command.replace("`", "'")).append("`\n");
        md.append("- Date: ").append(now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append('\n');
    }

    static String setup(SweepFolder sweep, MachineInfo machine, Path reportDir) {
        StringBuilder s = new StringBuilder();
        s.append("- Machine (where this report was made): ").append(machine.describe()).append('\n');
        RunSummary.Provenance p = sweep.summaries().values().stream().map(RunSummary::provenance)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (p != null) {
            s.append("- Engine and device (recorded by the runs): ").append(p.engine()).append(' ')
                    .append(p.engineVersion()).append(" (DJL ").append(p.djlVersion()).append(") on ")
                    .append(p.device()).append(", Java ").append(p.javaVersion()).append(", ").append(p.os()).append('\n');
            s.append("- Data set: ").append(p.dataset()).append(", ").append(p.trainSize()).append(" training and ")
                    .append(p.testSize()).append(" test images");
            if (p.skippedImages() > 0) {
                s.append(" (").append(p.skippedImages()).append(" images skipped: they did not decode)");
            }
            s.append(p.dataPath() == null ? "" : ", from " + RelativePaths.of(reportDir, Path.of(p.dataPath())))
                    .append('\n');
        } else {
            s.append("- Engine, device and data set: unknown (no cell has a summary.json yet)\n");
        }
        s.append("- Seeds per cell: ").append(distinct(sweep.configs(), c -> Integer.toString(c.train().seeds().size())))
                .append("; epochs: ").append(distinct(sweep.configs(), c -> Integer.toString(c.train().epochs())))
                .append(" (train.epochs of the cells' config.yaml)\n");
        Map<String, Long> byStatus = sweep.rows().stream()
                .collect(Collectors.groupingBy(SweepRow::status, TreeMap::new, Collectors.counting()));
        s.append("- Cells: ").append(sweep.rows().size()).append(" (").append(byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append(")\n");
        double wall = sweep.summaries().values().stream().map(RunSummary::provenance).filter(Objects::nonNull)
                .mapToDouble(RunSummary.Provenance::wallSeconds).sum();
        s.append("- Total wall time: ").append(Texts.duration(wall))
                .append(wall >= 59.5 ? String.format(Locale.ROOT, " = %.0f s", wall) : "")
                .append(" (the sum of the cells' wall_seconds; a teacher or assistant shared by several cells is"
                        + " counted in the cell that trained it)\n");
        return s.toString();
    }

    private static String paretoSection(SweepFolder sweep, SweepGrid grid, String metric) {
        String axis = sweep.table().paretoAxis();
        if (axis == null) {
            return "## Pareto front\n\nsweep.csv has no pareto_<axis> column.\n\n";
        }
        String table = ReportTables.pareto(grid, axis, metric);
        return "## Pareto front\n\nAxis: **" + axis + "** (lower is cheaper) against mean best " + metric
                + ". A cell is on the"
                + " front when no other finished cell is at least as cheap and at least as accurate, and better in"
                + " one of the two.\n\n" + (table.isEmpty() ? "No finished cell yet.\n" : table) + '\n';
    }

    /** A value every config shares, or the distinct values, or "unknown" when no config was readable. */
    private static String distinct(Map<String, RunConfig> configs, Function<RunConfig, String> f) {
        List<String> values = configs.values().stream().map(f).distinct().toList();
        return values.isEmpty() ? "unknown" : String.join(" / ", values);
    }
}
