package org.pixeldistill.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.ui.common.UiThread;

/**
 * Turns training events (on the training thread) into the progress bar, progress line and status
 * line (on the UI thread). Batch events are thinned to five a second and coalesced; stage, epoch and
 * message events, a few per minute, are posted one by one.
 */
final class ProgressListener implements TrainingListener {
    /** Five updates a second read as live; more only make a software-rendered window repaint for nothing. */
    private static final long BATCH_POST_NANOS = 200_000_000L;
    private final UiThread ui;
    private final DoubleProperty progress;
    private final StringProperty progressText;
    private final StringProperty status;
    private final Coalescer<BatchProgress> batches;
    private volatile StageStart stage;
    private volatile String stageLabel = "";
    private volatile List<Stage> stages = List.of();
    private volatile int seeds = 1;
    private long lastPost;
    private volatile long stageStartNanos;
    /** Rewrites each progress line (a sweep adds its cell and its time left); none for a single run. */
    private volatile BiFunction<String, BatchProgress, String> decorator = (line, p) -> line;

    ProgressListener(UiThread ui, DoubleProperty progress, StringProperty progressText, StringProperty status) {
        this.ui = ui;
        this.progress = progress;
        this.progressText = progressText;
        this.status = status;
        this.batches = new Coalescer<>(ui, p -> {
            progress.set(ProgressText.fraction(p));
            progressText.set(decorator.apply(wholeRunLine(p), p));
        });
    }

    /** The run's stages and seeds, for "stage 2/2 student" (the training thread calls this first). */
    void plan(RunConfig config) {
        stages = ProgressText.stagesOf(config);
        seeds = config.train().seeds().size();
    }

    /** Rewrites every later progress line; the batch is null for the "preparing" line of a stage. */
    void decorate(BiFunction<String, BatchProgress, String> d) {
        decorator = d;
    }

    @Override
    public void onStageStart(StageStart start) {
        stage = start;
        stageStartNanos = System.nanoTime();
        stageLabel = ProgressText.stageLabel(stages, seeds, start.stage(), start.seed());
        String line = ProgressText.stageStart(stageLabel, start);
        double done = start.epochs() == 0 ? 0 : start.startEpoch() / (double) start.epochs();
        ui.run(() -> {
            progress.set(done);
            progressText.set(decorator.apply(start.stage() + ": preparing the first batch...", null));
            status.set(line);
        });
    }

    /** The batch line with the time left for the rest of the run (ProgressText.batch). */
    private String wholeRunLine(BatchProgress p) {
        List<Stage> all = stages;
        int i = all.indexOf(p.stage());
        List<Stage> later = i < 0 ? List.of() : all.subList(i + 1, all.size());
        StageStart s = stage;
        int seedsAfter = s == null ? 0 : Math.max(0, s.total() - s.index()); // index counts from 1
        double elapsed = (System.nanoTime() - stageStartNanos) / 1e9;
        int epochsHere = s == null ? 0 : s.epochs() - s.startEpoch();
        double perSeed = epochsHere <= 0 || s == null ? Double.NaN
                : (elapsed + p.secondsLeft()) / epochsHere * s.epochs();
        return ProgressText.batch(stageLabel, p, seedsAfter, perSeed, later);
    }

    @Override
    public void onBatch(BatchProgress p) {
        long now = System.nanoTime();
        if (now - lastPost >= BATCH_POST_NANOS || p.batch() == p.batches()) {
            lastPost = now;
            batches.post(p);
        }
    }

    @Override
    public void onEpoch(MetricsRow row) {
        StageStart s = stage;
        String line = ProgressText.epoch(row, s == null ? 0 : s.epochs());
        ui.run(() -> status.set(line));
    }

    @Override
    public void onStageEnd(Stage stageName, int seed, Score score, double best, double last) {
        String line = String.format(Locale.ROOT, "%s seed %d done: best test %s %.1f %%, last %.1f %%",
                stageName, seed, score.label(), best, last);
        ui.run(() -> status.set(line));
    }

    @Override
    public void onMessage(String message) {
        ui.run(() -> status.set(message));
    }
}
