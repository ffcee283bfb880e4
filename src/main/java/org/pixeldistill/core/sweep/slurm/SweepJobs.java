package org.pixeldistill.core.sweep.slurm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.pipeline.FrozenNetworks;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.sweep.SweepCell;

/**
 * The jobs of a sweep on a cluster: one per teacher, assistant and teacher cache the cells share
 * (built first, each once), then the cells, each waiting for exactly what it needs. A teacher or
 * assistant already finished on disk gets no job.
 */
public final class SweepJobs {
    /** Kinds of prerequisite job, in the order they can run. */
    public static final String TEACHER = "teacher";
    public static final String ASSISTANT = "assistant";
    public static final String CACHE = "cache";

    /**
     * A network or cache built once before the cells that need it.
     *
     * @param name unique in the sweep, e.g. {@code teacher-1}
     * @param cell the index of a cell that needs it: the prerequisite is built as that cell would build it
     * @param after the names of the prerequisites it waits for
     */
    public record Prerequisite(String name, String kind, int cell, String folder, List<String> after) {}

    /** One cell: its index in the plan (the array task id), id, run folder and the prerequisites it waits for. */
    public record Cell(int index, String id, String folder, List<String> needs) {}

    private SweepJobs() {}

    /** Prerequisites in an order where every one comes after those it waits for; {@code cells} get their needs. */
    public record Plan(List<Prerequisite> prerequisites, List<Cell> cells) {}

    public static Plan of(List<SweepCell> cells, Path runsRoot, Function<SweepCell, Path> cellDir) {
        Map<String, Prerequisite> teachers = new LinkedHashMap<>();
        Map<String, Prerequisite> assistants = new LinkedHashMap<>();
        Map<String, Prerequisite> caches = new LinkedHashMap<>();
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            SweepCell cell = cells.get(i);
            var cfg = cell.config();
            List<String> needs = new ArrayList<>();
            Prerequisite teacher = unfinished(FrozenNetworks.teacherDir(runsRoot, cfg))
                    .map(dir -> teachers.computeIfAbsent(dir, d -> new Prerequisite(TEACHER + "-" + (teachers.size() + 1),
                            TEACHER, cell(cells, cell), d, List.of())))
                    .orElse(null);
            List<String> upstream = teacher == null ? List.of() : List.of(teacher.name());
            Prerequisite assistant = unfinished(FrozenNetworks.assistantDir(runsRoot, cfg))
                    .map(dir -> assistants.computeIfAbsent(dir, d -> new Prerequisite(ASSISTANT + "-" + (assistants.size() + 1),
                            ASSISTANT, cell(cells, cell), d, upstream)))
                    .orElse(null);
            needs.addAll(upstream);
            if (assistant != null) {
                needs.add(assistant.name());
            }
            if (FrozenNetworks.usesTeacherCache(cfg)) {
                // the cache belongs to the frozen network the cell reads (teacher, or assistant for
                // TAS) and to the data and views it is recorded from
                Path frozen = cfg.hasTas() ? FrozenNetworks.assistantDir(runsRoot, cfg).orElseThrow()
                        : FrozenNetworks.teacherDir(runsRoot, cfg).orElse(Path.of(String.valueOf(cfg.teacher().run())));
                String key = frozen + "|" + cfg.distill().cacheViews() + "|" + cfg.data();
                List<String> after = new ArrayList<>(needs);
                Prerequisite cache = caches.computeIfAbsent(key, k -> new Prerequisite(CACHE + "-" + (caches.size() + 1),
                        CACHE, cell(cells, cell), frozen.toString(), List.copyOf(after)));
                needs.add(cache.name());
            }
            out.add(new Cell(i, cell.id(), cellDir.apply(cell).toString(), List.copyOf(needs)));
        }
        List<Prerequisite> all = new ArrayList<>(teachers.values());
        all.addAll(assistants.values());
        all.addAll(caches.values());
        return new Plan(List.copyOf(all), List.copyOf(out));
    }

    /**
     * Builds one prerequisite as {@code config} (a cell that needs it) would build it: on a node
     * as a job of its own, or by a local sweep before its first cell.
     */
    public static void build(Prerequisite p, RunConfig config, FrozenNetworks frozen, Path log) {
        switch (p.kind()) {
            case TEACHER -> frozen.teacher(config, log);
            case ASSISTANT -> frozen.assistant(config, log);
            case CACHE -> frozen.teacherCache(config, log);
            default -> throw new ConfigException("unknown prerequisite kind " + p.kind());
        }
    }

    private static int cell(List<SweepCell> cells, SweepCell cell) {
        return cells.indexOf(cell);
    }

    /** The folder as a key, unless the network there is finished already. */
    private static Optional<String> unfinished(Optional<Path> dir) {
        return dir.filter(d -> !finished(d)).map(Path::toString);
    }

    static boolean finished(Path dir) {
        return Files.isRegularFile(dir.resolve("summary.json"))
                && RunFolder.at(dir).readSummary().map(s -> "finished".equals(s.status())).orElse(false);
    }
}
