package org.pixeldistill.core.sweep.slurm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;

/**
 * The state of a sweep on a cluster, from the two places that know it without an accounting
 * database: squeue for jobs still in the queue, and the cells' own run records (summary.json)
 * for the rest. Shared by {@code sweep --status} and the workbench's sweep status window.
 */
public final class SweepStatus {
    public static final String NOT_SUBMITTED = "not submitted";
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    /** Stopped at a step boundary (time limit, cancel, preemption): resumable. */
    public static final String STOPPED = "stopped";

    /** One job's line: a prerequisite or a cell. {@code score} is a finished cell's mean best score. */
    public record Line(String name, String kind, String jobId, String state, String detail, Double score) {}

    private SweepStatus() {}

    /** Prerequisites first, then cells in plan order. */
    public static List<Line> read(Path sweepDir, Map<String, SlurmClient.QueueEntry> queue) {
        SlurmPlanFile plan = SlurmPlanFile.read(sweepDir);
        SlurmPlanFile.Jobs jobs = SlurmPlanFile.Jobs.read(sweepDir);
        List<Line> lines = new ArrayList<>();
        for (SweepJobs.Prerequisite p : plan.prerequisites()) {
            String id = jobs.prerequisites().get(p.name());
            Line queued = fromQueue(p.name(), p.kind(), id, queue);
            if (queued != null) {
                lines.add(queued);
            } else if (id == null) {
                lines.add(new Line(p.name(), p.kind(), null, NOT_SUBMITTED, p.folder(), null));
            } else if (p.kind().equals(SweepJobs.CACHE)) {
                // a cache has no run record of its own: its job's end is all squeue knew
                lines.add(new Line(p.name(), p.kind(), id, "ended", "teacher cache beside " + p.folder(), null));
            } else {
                Optional<RunSummary> s = summary(Path.of(p.folder()));
                lines.add(fromSummary(p.name(), p.kind(), id, s));
            }
        }
        for (SweepJobs.Cell c : plan.cells()) {
            String id = jobs.cells().get(c.index());
            Line queued = fromQueue(c.id(), "cell " + c.index(), id, queue);
            if (queued != null) {
                lines.add(queued);
            } else {
                Line l = fromSummary(c.id(), "cell " + c.index(), id, summary(Path.of(c.folder())));
                lines.add(id == null && !l.state().equals(FINISHED)
                        ? new Line(l.name(), l.kind(), null, NOT_SUBMITTED, l.detail(), l.score()) : l);
            }
        }
        return lines;
    }

    private static Line fromQueue(String name, String kind, String id, Map<String, SlurmClient.QueueEntry> queue) {
        SlurmClient.QueueEntry e = id == null ? null : queue.get(id);
        if (e == null) {
            return null;
        }
        return switch (e.state()) {
            case "RUNNING", "COMPLETING", "CONFIGURING", "STAGE_OUT" -> new Line(name, kind, id, RUNNING, "", null);
            default -> e.reason().contains("DependencyNeverSatisfied")
                    ? new Line(name, kind, id, FAILED, "a job it waits for failed", null)
                    : new Line(name, kind, id, QUEUED, e.state().toLowerCase(Locale.ROOT) + " (" + e.reason() + ")", null);
        };
    }

    private static Line fromSummary(String name, String kind, String id, Optional<RunSummary> summary) {
        if (summary.isEmpty()) {
            return new Line(name, kind, id, FAILED, "its job ended before training started (see its log)", null);
        }
        RunSummary s = summary.get();
        return switch (s.status()) {
            case "finished" -> new Line(name, kind, id, FINISHED, "", s.bestScore());
            case "cancelled" -> new Line(name, kind, id, STOPPED, "resumable: its last completed epoch is saved", null);
            case "failed" -> new Line(name, kind, id, FAILED, String.valueOf(s.message()), null);
            // the record says running but its job is gone: killed without the chance to say so
            default -> new Line(name, kind, id, FAILED, "its job ended while it was " + s.status()
                    + " (killed?); resumable from its last completed epoch", null);
        };
    }

    private static Optional<RunSummary> summary(Path dir) {
        return Files.isRegularFile(dir.resolve("summary.json")) ? RunFolder.at(dir).readSummary() : Optional.empty();
    }

    /** The lines as a fixed-width table, as {@code sweep --status} prints it. */
    public static String format(List<Line> lines) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %-12s %-14s %-13s %s%n",
                "job", "kind", "job id", "state", "detail"));
        for (Line l : lines) {
            String detail = l.score() != null ? String.format(Locale.ROOT, "best %.2f%%", l.score()) : l.detail();
            out.append(String.format(Locale.ROOT, "%-28s %-12s %-14s %-13s %s%n", l.name(), l.kind(),
                    l.jobId() == null ? "-" : l.jobId(), l.state(), detail));
        }
        return out.toString();
    }
}
