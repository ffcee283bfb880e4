package org.pixeldistill.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.loop.TrainingListener.BatchProgress;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepPlan;
import org.pixeldistill.core.sweep.SweepRunner;
import org.pixeldistill.core.util.Texts;

/**
 * A sweep on the training thread, trained by the core's {@link SweepRunner} exactly as the command
 * line's {@code sweep} trains it (finished cells skipped, a stopped one continued from its
 * checkpoints, one teacher and teacher cache for all). What this adds is what a window needs:
 * which cell is training (for the loss chart and the cell list), each finished cell as soon as
 * it is on disk (for the runs table and the Pareto chart), and the progress line's time left over
 * all cells still to train.
 */
final class SizeSweepWork {
    /** What the sweep tells the window; every call comes from the training thread. */
    interface Events {
        void cells(List<SweepCellState> cells);

        void cellDone(Path dir);
    }

    private final SweepRequest request;
    private final Path runsRoot;
    private final Events events;
    /** Wall time of each cell trained so far in this session, for the time left of the cells after it. */
    private final List<Double> cellSeconds = new CopyOnWriteArrayList<>(); // read by the UI thread's progress line
    private volatile long cellStartNanos;
    private volatile int cellsAfterCurrent;
    private volatile String cellLabel = "";

    SizeSweepWork(SweepRequest request, Path runsRoot, Events events) {
        this.request = request;
        this.runsRoot = runsRoot;
        this.events = events;
    }

    /** Trains every unfinished cell; returns the sweep's folder and how many cells finished. */
    FinishedRun run(TrainingListener listener, Cancellation cancel, ProgressListener progress, Consumer<Path> cellSink) {
        if (request.options().methods().isEmpty()) {
            throw new ConfigException("sweep: tick at least one method to sweep");
        }
        List<SweepCell> cells = SweepPlan.plan(request.base(), request.options());
        Path sweepDir = request.folder(runsRoot);
        SweepRunner runner = new SweepRunner(runsRoot, sweepDir, listener, cancel);
        List<SweepRunner.Result> before = runner.status(cells);
        List<SweepCellState> states = new ArrayList<>(before.stream().map(SweepCellState::of).toList());
        // the runner trains the unfinished cells in order and reports after each one: the k-th report is pending(k)
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            if (!states.get(i).finished()) {
                pending.add(i);
            }
        }
        progress.decorate(this::decorate);
        int[] reports = {0};
        if (!pending.isEmpty()) {
            begin(cells, runner, states, pending, 0, progress, cellSink);
        } else {
            events.cells(List.copyOf(states));
        }
        List<SweepRunner.Result> all = runner.run(cells, results -> {
            int k = reports[0]++;
            if (k >= pending.size()) {
                return; // the runner's closing report: nothing new
            }
            cellSeconds.add((System.nanoTime() - cellStartNanos) / 1e9);
            int done = pending.get(k);
            states.clear();
            results.forEach(r -> states.add(SweepCellState.of(r)));
            events.cellDone(results.get(done).folder());
            if (k + 1 < pending.size()) {
                begin(cells, runner, states, pending, k + 1, progress, cellSink);
            } else {
                events.cells(List.copyOf(states));
            }
        });
        long finished = all.stream().filter(r -> r.summary() != null && "finished".equals(r.summary().status())).count();
        return new FinishedRun(sweepDir, String.format(Locale.ROOT, ": %d of %d cells finished", finished, all.size()));
    }

    private void begin(List<SweepCell> cells, SweepRunner runner, List<SweepCellState> states, List<Integer> pending,
            int k, ProgressListener progress, Consumer<Path> cellSink) {
        int i = pending.get(k);
        SweepCell cell = cells.get(i);
        states.set(i, states.get(i).training());
        cellsAfterCurrent = pending.size() - k - 1;
        cellLabel = String.format(Locale.ROOT, "cell %d/%d %dx%d %s", i + 1, cells.size(), cell.inputSize(),
                cell.inputSize(), cell.method());
        cellStartNanos = System.nanoTime();
        progress.plan(cell.config());
        events.cells(List.copyOf(states));
        cellSink.accept(runner.cellDir(cell)); // the loss chart follows it; Stop leaves it to resume
    }

    /**
     * "cell 2/3 14x14 isrd · stage ... · 20 s left · sweep: about 1 min 10 s left": the cells after
     * this one are guessed at the mean time of those trained so far (before the first has finished,
     * at this one's own pace), so the guess firms up as cells finish.
     */
    private String decorate(String line, BatchProgress p) {
        double elapsed = (System.nanoTime() - cellStartNanos) / 1e9;
        double left = p == null ? Double.NaN : p.secondsLeft();
        int after = cellsAfterCurrent;
        String sweepLeft = "";
        if (Double.isFinite(left)) {
            double perCell = cellSeconds.isEmpty() ? elapsed + left
                    : cellSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double total = left + after * perCell;
            sweepLeft = " · sweep: about " + Texts.duration(total) + " left"
                    + (after > 0 ? " (" + (after + 1) + " cells)" : "");
        }
        return cellLabel + " · " + line + sweepLeft;
    }
}
