package org.pixeldistill.ui.pareto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigHash;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * Groups finished runs into configurations. A run folder already trains every seed of its config
 * ({@code train.seeds}) and its summary keeps their mean and spread; runs started separately with
 * the same config but other seeds are one configuration too, so their seeds are pooled: the mean
 * and the sample standard deviation are those of all the seeds' best scores together, computed
 * exactly from each run's mean, spread and seed count.
 */
public final class SeedGroups {
    /** Fingerprints by run folder, kept while the folder's config object is the same (YAML is slow to write). */
    private final Map<Path, Cached> keys = new HashMap<>();

    private record Cached(RunConfig config, String key) {}

    /** The finished runs (others are left out) grouped, groups in the order of their first run. */
    public List<SeedGroup> group(List<RunEntry> entries) {
        Map<String, List<RunEntry>> byKey = new LinkedHashMap<>();
        for (RunEntry e : entries) {
            if (e.finished()) {
                byKey.computeIfAbsent(cachedKey(e), k -> new ArrayList<>()).add(e);
            }
        }
        if (keys.size() > 4 * entries.size() + 64) {
            keys.clear(); // folders long gone; the next call fills it again
        }
        List<SeedGroup> groups = new ArrayList<>();
        byKey.forEach((key, runs) -> groups.add(pool(key, runs)));
        return groups;
    }

    private String cachedKey(RunEntry e) {
        Cached c = keys.get(e.folder());
        if (c == null || c.config() != e.config()) {
            c = new Cached(e.config(), keyOf(e));
            keys.put(e.folder(), c);
        }
        return c.key();
    }

    /**
     * The config's fingerprint ({@link ConfigHash}: name and device left out) with the seeds left
     * out as well; a run without a readable config is a configuration of its own.
     */
    public static String keyOf(RunEntry e) {
        RunConfig c = e.config();
        if (c == null) {
            return "folder:" + e.folder();
        }
        return e.kind() + ":" + ConfigHash.of(c.withTrain(c.train().withSeeds(List.of(0))));
    }

    /** Seeds of a finished run: those its config lists (a run finishes only when all are done). */
    public static int seedsOf(RunEntry e) {
        return e.config() == null ? 1 : Math.max(1, e.config().train().seeds().size());
    }

    /**
     * Pools runs of one configuration: with run i's mean m_i, spread s_i (n - 1 in the
     * denominator) and n_i seeds, the mean of all N seeds is sum(n_i m_i) / N and their squared
     * deviations add up to sum((n_i - 1) s_i^2 + n_i (m_i - mean)^2).
     */
    static SeedGroup pool(String key, List<RunEntry> runs) {
        int total = 0;
        double sum = 0;
        for (RunEntry e : runs) {
            int n = seedsOf(e);
            total += n;
            sum += n * e.bestTop1();
        }
        double mean = sum / total;
        double squares = 0;
        for (RunEntry e : runs) {
            int n = seedsOf(e);
            double s = Double.isNaN(e.bestTop1Std()) ? 0 : e.bestTop1Std();
            squares += (n - 1) * s * s + n * (e.bestTop1() - mean) * (e.bestTop1() - mean);
        }
        double std = total > 1 ? Math.sqrt(squares / (total - 1)) : 0;
        return new SeedGroup(key, runs, mean, std, total);
    }
}
