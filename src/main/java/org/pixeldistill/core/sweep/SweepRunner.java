package org.pixeldistill.core.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pixeldistill.core.config.ConfigHash;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.pipeline.FrozenNetworks;
import org.pixeldistill.core.loop.TrainingFailedException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.sweep.slurm.SweepJobs;

/**
 * Runs the cells of a sweep one after another, each in a folder named by the cell and the hash
 * of its config. Run again, it skips finished cells and continues a half-finished one from its
 * checkpoints; teachers and assistants are shared by all cells (and by ordinary runs with the
 * same runs folder), so each is trained once, and before the first cell: the teachers, TAS
 * assistants and teacher caches the unfinished cells share are built first (the same plan of
 * prerequisites the Slurm executor submits as jobs of their own). A cell whose loss diverges is recorded as failed
 * (its summary gives the reason) and the sweep goes on with the next; run again, it is retried.
 */
public final class SweepRunner {
    /** A cell's folder and, once it has started, its summary. */
    public record Result(SweepCell cell, Path folder, RunSummary summary) {}

    private final Path runsRoot;
    private final Path sweepDir;
    private final TrainingListener listener;
    private final Cancellation cancel;

    public SweepRunner(Path runsRoot, Path sweepDir, TrainingListener listener, Cancellation cancel) {
        this.runsRoot = runsRoot;
        this.sweepDir = sweepDir;
        this.listener = listener;
        this.cancel = cancel;
    }

    public Path cellDir(SweepCell cell) {
        return sweepDir.resolve("cells").resolve(cell.id() + "-" + ConfigHash.of(cell.config()).substring(0, 8));
    }

    /** The cells' state on disk, without training anything. */
    public List<Result> status(List<SweepCell> cells) {
        List<Result> out = new ArrayList<>();
        for (SweepCell cell : cells) {
            Path dir = cellDir(cell);
            RunSummary summary = Files.isRegularFile(dir.resolve("config.yaml"))
                    ? RunFolder.open(dir).readSummary().orElse(null) : null;
            out.add(new Result(cell, dir, summary));
        }
        return out;
    }

    /** Trains every unfinished cell; {@code afterEachCell} sees the state of all cells after each one. */
    public List<Result> run(List<SweepCell> cells, Consumer<List<Result>> afterEachCell) {
        buildSharedFirst(cells);
        for (int i = 0; i < cells.size(); i++) {
            SweepCell cell = cells.get(i);
            Path dir = cellDir(cell);
            Result before = status(List.of(cell)).get(0);
            if (before.summary() != null && "finished".equals(before.summary().status())) {
                listener.onMessage("cell " + (i + 1) + "/" + cells.size() + " " + cell.id() + ": finished already, skipped");
                continue;
            }
            listener.onMessage("cell " + (i + 1) + "/" + cells.size() + " " + cell.id()
                    + (before.summary() != null ? ": continuing from its checkpoints" : ""));
            try {
                new RunPipeline(runsRoot, listener, cancel).trainIn(dir, cell.config());
            } catch (TrainingFailedException e) {
                // a diverged cell is a result too (its summary says failed, and why): the others still run
                listener.onMessage("cell " + cell.id() + " failed: " + e.getMessage());
            }
            afterEachCell.accept(status(cells));
        }
        List<Result> all = status(cells);
        afterEachCell.accept(all);
        return all;
    }

    /** The cells whose records do not say finished (not started, stopped, failed), in order. */
    public List<SweepCell> unfinished(List<SweepCell> cells) {
        return status(cells).stream().filter(r -> r.summary() == null || !"finished".equals(r.summary().status()))
                .map(Result::cell).toList();
    }

    /**
     * Trains the shared teachers and assistants and records the shared teacher caches that the
     * unfinished cells need, each once, so that the first distillation cell does not pay for them
     * and a sweep's progress per cell is comparable. One that fails is left to its cells, which
     * try again and record the failure in their own summaries.
     */
    private void buildSharedFirst(List<SweepCell> cells) {
        List<SweepCell> unfinished = unfinished(cells);
        SweepJobs.Plan plan = SweepJobs.of(unfinished, runsRoot, this::cellDir);
        FrozenNetworks frozen = new FrozenNetworks(runsRoot, listener, cancel);
        for (SweepJobs.Prerequisite p : plan.prerequisites()) {
            var config = unfinished.get(p.cell()).config();
            Path log = sweepDir.resolve("prepared").resolve(p.name());
            listener.onMessage("shared " + p.kind() + " first (" + p.name() + "): " + p.folder());
            try {
                SweepJobs.build(p, config, frozen, log);
            } catch (TrainingFailedException e) {
                listener.onMessage(p.name() + " failed: " + e.getMessage() + " (the cells that need it will try again)");
            }
        }
    }
}
