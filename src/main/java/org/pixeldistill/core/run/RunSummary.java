package org.pixeldistill.core.run;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * summary.json of a run: its status, the score that counts (mean and spread over seeds of each
 * seed's best and last test score, as the paper reports), which score that is, and where it came
 * from. Runs written before the score was named stored it as {@code best_top1}/{@code last_top1}
 * (a detector's mAP50 too) and have no {@code score}; they read as the same fields, and
 * {@link RunFolder#readSummary} names their score from the run's config.
 *
 * @param status running | finished | failed | cancelled
 * @param message the one-line reason of a failure, else empty
 * @param score top1 for a classifier, map50 for a detector
 */
public record RunSummary(
        String name,
        String status,
        String message,
        List<Stage> stages,
        Score score,
        @JsonAlias("best_top1") Double bestScore,
        @JsonAlias("best_top1_std") Double bestScoreStd,
        @JsonAlias("last_top1") Double lastScore,
        @JsonAlias("last_top1_std") Double lastScoreStd,
        List<SeedResult> seeds,
        Provenance provenance) {

    /** The same summary naming its score (for one written before scores were named). */
    public RunSummary withScore(Score named) {
        return new RunSummary(name, status, message, stages, named, bestScore, bestScoreStd, lastScore, lastScoreStd,
                seeds, provenance);
    }

    /** One seed of the final stage; its scores are the run's {@link #score()}. */
    public record SeedResult(int seed, boolean finished, int epochsDone, @JsonAlias("best_top1") double bestScore,
            int bestEpoch, @JsonAlias("last_top1") double lastScore, double wallSeconds) {}

    /** Enough to rebuild the result: what config, which data, which engine and device, when. */
    public record Provenance(
            String configHash,
            List<Integer> seeds,
            String dataset,
            String dataPath,
            int trainSize,
            int testSize,
            int skippedImages,
            String engine,
            String engineVersion,
            String djlVersion,
            String device,
            String javaVersion,
            String os,
            String created,
            double wallSeconds,
            String teacherRun,
            String assistantRun) {}
}
