package org.pixeldistill.ui.training;

import java.util.Locale;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.train.TrainingListener.BatchProgress;
import org.pixeldistill.core.train.TrainingListener.StageStart;

/** The words of the progress line and status line, kept apart from the view-model so they can be read and tested. */
public final class ProgressText {
    private ProgressText() {}

    /** "stage 2/3 student · epoch 3/6 · batch 45/157 · loss 0.812 · 1 min 05 s left". */
    public static String batch(StageStart stage, BatchProgress p) {
        String prefix = stage == null ? p.stage() : "stage " + stage.index() + "/" + stage.total() + " " + p.stage();
        return String.format(Locale.ROOT, "%s · epoch %d/%d · batch %d/%d · loss %.3f · %s left", prefix, p.epoch() + 1,
                p.epochs(), p.batch(), p.batches(), p.loss(), duration(p.secondsLeft()));
    }

    /** Share of the stage done, 0-1. */
    public static double fraction(BatchProgress p) {
        if (p.epochs() <= 0 || p.batches() <= 0) {
            return 0;
        }
        return Math.min(1, (p.epoch() + p.batch() / (double) p.batches()) / p.epochs());
    }

    /** "stage 1/2: teacher resnet18 at 28x28 (epoch 1 of 6)". */
    public static String stageStart(StageStart s) {
        return String.format(Locale.ROOT, "stage %d/%d: %s %s, %s", s.index(), s.total(), s.stage(), s.description(),
                s.startEpoch() == 0 ? s.epochs() + " epochs" : "from epoch " + (s.startEpoch() + 1) + " of " + s.epochs());
    }

    /** "student epoch 3/6: test top-1 85.2 %, loss 0.812". */
    public static String epoch(MetricsRow row, int epochs) {
        double total = row.losses().getOrDefault("total", Double.NaN);
        return String.format(Locale.ROOT, "%s epoch %d%s: test top-1 %.1f %%, loss %.3f", row.stage(), row.epoch() + 1,
                epochs > 0 ? "/" + epochs : "", row.testTop1(), total);
    }

    /** 65 -> "1 min 05 s"; 3700 -> "1 h 01 min"; NaN -> "?". */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** A throwable's message as one line, never a stack trace. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.split("\\R", 2)[0].trim();
    }
}
