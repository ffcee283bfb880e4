package org.pixeldistill.ui.training;

import org.pixeldistill.core.loop.RunLoop;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.util.Texts;
import java.util.List;
import java.util.Locale;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.loop.TrainingListener.BatchProgress;
import org.pixeldistill.core.loop.TrainingListener.StageStart;

/** The words of the progress line and status line, kept apart from the view-model so they can be read and tested. */
public final class ProgressText {
    private ProgressText() {}

    /** "stage 2/3 student · epoch 3/6 · batch 45/157 · loss 0.812 · 1 min 05 s left". */
    public static String batch(String stageLabel, BatchProgress p) {
        return batch(stageLabel, p, 0, Double.NaN, List.of());
    }

    /**
     * The batch line with the time left for the whole run, as far as it can be told: the seeds of
     * this stage still to come take about as long as this one ({@code secondsPerSeed}); a later
     * stage trains another network, whose speed is not known before it starts, so it is named.
     *
     * @param seedsAfter seeds of this stage after the current one
     * @param laterStages the run's stages after this one
     */
    public static String batch(String stageLabel, BatchProgress p, int seedsAfter, double secondsPerSeed,
            List<Stage> laterStages) {
        double left = p.secondsLeft();
        String seeds = "";
        if (seedsAfter > 0 && Double.isFinite(secondsPerSeed) && Double.isFinite(left)) {
            left += seedsAfter * secondsPerSeed;
            seeds = " (" + (seedsAfter + 1) + " seeds)";
        }
        String then = laterStages.isEmpty() ? ""
                : ", then " + String.join(" and ", laterStages.stream().map(Stage::toString).toList());
        return String.format(Locale.ROOT, "%s · epoch %d/%d · batch %d/%d · loss %.3f · %s left%s%s", stageLabel,
                p.epoch() + 1, p.epochs(), p.batch(), p.batches(), p.loss(), Texts.duration(left), seeds, then);
    }

    /**
     * "stage 2/3 student", with " seed 1" when the run trains several seeds: the position among the
     * run's stages (teacher, assistant, student), which a StageStart does not know when the teacher is
     * trained as a run of its own.
     */
    public static String stageLabel(List<Stage> stages, int seeds, Stage stage, int seed) {
        int i = stages.indexOf(stage);
        String label = i < 0 ? stage.key() : "stage " + (i + 1) + "/" + stages.size() + " " + stage;
        return seeds > 1 && i == stages.size() - 1 ? label + " seed " + seed : label;
    }

    /** The stages a run trains, in order. */
    public static List<Stage> stagesOf(RunConfig config) {
        return RunLoop.stages(config, RunPipeline.finalStage(config));
    }

    /** Share of the stage done, 0-1. */
    public static double fraction(BatchProgress p) {
        if (p.epochs() <= 0 || p.batches() <= 0) {
            return 0;
        }
        return Math.min(1, (p.epoch() + p.batch() / (double) p.batches()) / p.epochs());
    }

    /** "stage 1/2 teacher: resnet18 at 28x28, 6 epochs". */
    public static String stageStart(String stageLabel, StageStart s) {
        return String.format(Locale.ROOT, "%s: %s, %s", stageLabel, s.description(),
                s.startEpoch() == 0 ? s.epochs() + (s.epochs() == 1 ? " epoch" : " epochs") : "from epoch " + (s.startEpoch() + 1) + " of " + s.epochs());
    }

    /** "student epoch 3/6: test top-1 85.2 %, loss 0.812"; a detector's epoch says "test mAP50 21.7 %". */
    public static String epoch(MetricsRow row, int epochs) {
        double total = row.losses().getOrDefault("total", Double.NaN);
        return String.format(Locale.ROOT, "%s epoch %d%s: test %s %.1f %%, loss %.3f", row.stage(), row.epoch() + 1,
                epochs > 0 ? "/" + epochs : "", row.score().label(), row.testScore(), total);
    }

}
