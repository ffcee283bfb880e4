package org.pixeldistill.core.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;
import org.pixeldistill.core.run.Stage;

/**
 * A finished detector run on disk, as {@link DetectionInspector} needs it: its resolved config,
 * summary, final stage, the seed asked for (else its first) and that stage's best weights. Everything a user can get wrong
 * (not a run, not a detector, not finished, weights missing) is a one-line ConfigException.
 */
record InspectedRun(RunFolder folder, RunConfig config, RunSummary summary, Stage stage, int seed, Path bestParams) {
    /** Stages whose checkpoints a run may hold, the ones trained last first. */
    private static final List<Stage> STAGES = List.of(Stage.STUDENT, Stage.MODEL, Stage.ASSISTANT, Stage.TEACHER);

    static InspectedRun open(Path dir) {
        return open(dir, null);
    }

    /** As {@link #open(Path)} for seed {@code wanted} of the run (null: its first seed). */
    static InspectedRun open(Path dir, Integer wanted) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("run folder " + dir + " does not exist");
        }
        RunFolder folder = RunFolder.open(dir);
        RunConfig config = folder.readConfig();
        if (!config.isDetection()) {
            throw new ConfigException("run " + dir.getFileName() + " is not a detector run (its config.yaml has no detect section)");
        }
        RunSummary summary = folder.readSummary().orElseThrow(
                () -> new ConfigException("run " + dir.getFileName() + " has no summary.json: it never started"));
        if (!"finished".equals(summary.status())) {
            throw new ConfigException("run " + dir.getFileName() + " is " + summary.status() + ", not finished: nothing to inspect yet");
        }
        List<Integer> seeds = config.train().seeds();
        int seed = wanted == null ? seeds.get(0) : wanted;
        if (!seeds.contains(seed)) {
            throw new ConfigException("run " + dir.getFileName() + " has no seed " + seed + " (its seeds: " + seeds + ")");
        }
        for (Stage stage : candidateStages(summary)) {
            Path params = folder.checkpointDir(stage, seed).resolve("best.params");
            if (Files.isRegularFile(params)) {
                return new InspectedRun(folder, config, summary, stage, seed, params);
            }
        }
        throw new ConfigException("run " + dir.getFileName() + " has no best.params for seed " + seed + " under "
                + dir.resolve("checkpoints"));
    }

    /**
     * The network a student learnt from at the large size: its assistant (TAS) when it has one,
     * else its teacher; null for a detector trained alone. A cached teacher or assistant that was
     * moved together with its runs folder is looked for under this run's runs folder as well.
     */
    static Source sourceOf(InspectedRun run) {
        return sourceOf(run, null);
    }

    /** The roles a run's large view can show, the default first: [assistant, teacher], [teacher] or []. */
    static List<String> sourceRoles(InspectedRun run) {
        RunSummary.Provenance p = run.summary().provenance();
        List<String> roles = new ArrayList<>();
        if (p != null && present(p.assistantRun())) {
            roles.add("assistant");
        }
        if (p != null && present(p.teacherRun())) {
            roles.add("teacher");
        }
        return roles;
    }

    /**
     * As {@link #sourceOf(InspectedRun)}, the network of role {@code wanted} ("teacher" or
     * "assistant"; null: the default); a ConfigException when the run has no such network.
     */
    static Source sourceOf(InspectedRun run, String wanted) {
        List<String> roles = sourceRoles(run);
        if (roles.isEmpty()) {
            return null;
        }
        String role = wanted == null ? roles.get(0) : wanted;
        if (!roles.contains(role)) {
            throw new ConfigException("run " + run.folder().dir().getFileName() + " has no " + role + " (it has: "
                    + String.join(", ", roles) + ")");
        }
        RunSummary.Provenance p = run.summary().provenance();
        String source = role.equals("assistant") ? p.assistantRun() : p.teacherRun();
        Path recorded = Path.of(source);
        if (Files.isDirectory(recorded)) {
            return new Source(recorded, role);
        }
        Path root = RunFolder.runsRootOf(run.folder().dir());
        for (String kind : List.of("teachers", "assistants")) {
            Path moved = root.resolve(kind).resolve(recorded.getFileName().toString());
            if (Files.isDirectory(moved)) {
                return new Source(moved, role);
            }
        }
        throw new ConfigException("run " + run.folder().dir().getFileName() + " learnt from " + source
                + ", which no longer exists");
    }

    /** Where the large-size network's run is, and whether it is the "teacher" or the "assistant". */
    record Source(Path dir, String role) {}

    /** A short name for captions: the run folder's own name. */
    String name() {
        return folder.dir().getFileName().toString();
    }

    private static List<Stage> candidateStages(RunSummary summary) {
        List<Stage> out = new ArrayList<>();
        if (summary.stages() != null && !summary.stages().isEmpty()) {
            out.add(summary.stages().get(summary.stages().size() - 1));
        }
        out.addAll(STAGES);
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
