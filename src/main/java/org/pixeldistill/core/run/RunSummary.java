package org.pixeldistill.core.run;

import java.util.List;

/**
 * summary.json of a run: its status, the accuracy that counts (mean and spread over seeds of each
 * seed's best and last test top-1, as the paper reports), and where it came from.
 *
 * @param status running | finished | failed | cancelled
 * @param message the one-line reason of a failure, else empty
 */
public record RunSummary(
        String name,
        String status,
        String message,
        List<String> stages,
        Double bestTop1,
        Double bestTop1Std,
        Double lastTop1,
        Double lastTop1Std,
        List<SeedResult> seeds,
        Provenance provenance) {

    /** One seed of the final stage. */
    public record SeedResult(
            int seed, boolean finished, int epochsDone, double bestTop1, int bestEpoch, double lastTop1, double wallSeconds) {}

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
