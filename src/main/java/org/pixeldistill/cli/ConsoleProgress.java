package org.pixeldistill.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * Progress on the console: a line every few seconds with epoch, batch, loss, speed and time
 * left, and one line per finished epoch. New lines rather than carriage returns, so that logs
 * (CI, files) stay readable.
 */
final class ConsoleProgress implements TrainingListener {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final PrintStream out;
    private long lastPrint = System.nanoTime();
    private StageStart current;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStageStart(StageStart start) {
        current = start;
        out.printf(Locale.ROOT, "== %s, seed %d (%d of %d): %s, %d epochs of %d batches%s%n", start.stage(), start.seed(),
                start.index(), start.total(), start.description(), start.epochs(), start.batchesPerEpoch(),
                start.startEpoch() > 0 ? ", from epoch " + (start.startEpoch() + 1) : "");
    }

    @Override
    public void onBatch(BatchProgress p) {
        long now = System.nanoTime();
        if (now - lastPrint < EVERY_NANOS) {
            return;
        }
        lastPrint = now;
        out.printf(Locale.ROOT, "  %s seed %d  epoch %d/%d  batch %d/%d  loss %.4f  %.1f img/s  left %s%n", p.stage(),
                p.seed(), p.epoch() + 1, p.epochs(), p.batch(), p.batches(), p.loss(), p.imagesPerSecond(),
                duration(p.secondsLeft()));
    }


    @Override
    public void onEpoch(MetricsRow r) {
        lastPrint = System.nanoTime();
        if (r.score() == Score.MAP50) {
            out.printf(Locale.ROOT, "  %s seed %d  epoch %d  loss %.4f  test mAP50 %.2f%%  mAP %.2f%%"
                            + "  %.1f img/s  data wait %.1f%%  %s  %s%n", r.stage(), r.seed(), r.epoch() + 1,
                    r.losses().getOrDefault("total", Double.NaN), r.testScore(),
                    r.scores().getOrDefault("map", Double.NaN), r.imagesPerSecond(), 100 * r.dataWait(),
                    duration(r.wallSeconds()), ProcessMemory.describe());
            return;
        }
        out.printf(Locale.ROOT, "  %s seed %d  epoch %d  loss %.4f  train top-1 %.2f%%  test top-1 %.2f%%  top-5 %.2f%%"
                        + "  %.1f img/s  data wait %.1f%%  %s  %s%n", r.stage(), r.seed(), r.epoch() + 1,
                r.losses().getOrDefault("total", Double.NaN), r.trainTop1(), r.testScore(), r.testTop5(),
                r.imagesPerSecond(), 100 * r.dataWait(), duration(r.wallSeconds()), ProcessMemory.describe());
    }

    @Override
    public void onStageEnd(Stage stage, int seed, Score score, double best, double last) {
        out.printf(Locale.ROOT, "== %s seed %d done: best %s %.2f%%, last %.2f%%%n", stage, seed, score.label(), best,
                last);
    }

    @Override
    public void onMessage(String message) {
        out.println("-- " + message);
    }

    void finished(RunFolder folder) {
        folder.readSummary().ifPresent(s -> out.printf(Locale.ROOT,
                "run %s: %s; best %s %.2f%% +- %.2f, last %.2f%% +- %.2f over %d seed(s)%nrecords: %s%n", s.name(),
                s.status(), s.score().label(), nz(s.bestScore()), nz(s.bestScoreStd()), nz(s.lastScore()),
                nz(s.lastScoreStd()),
                s.seeds().size(), folder.dir()));
    }

    private static double nz(Double v) {
        return v == null ? Double.NaN : v;
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
