package org.pixeldistill.core.sweep.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Submits a planned sweep: prerequisites first, each after those it waits for
 * ({@code --dependency=afterok}), then the cells' arrays after theirs; the job ids go to
 * {@code <sweep>/slurm/jobs.json} for --status and --cancel.
 */
public final class SlurmSweep {
    private final SlurmClient client;

    public SlurmSweep(SlurmClient client) {
        this.client = client;
    }

    public SlurmPlanFile.Jobs submit(SlurmPlanFile plan, List<BatchScripts.Script> scripts, Consumer<String> log) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> prerequisites = new LinkedHashMap<>();
        Map<Integer, String> cells = new LinkedHashMap<>();
        Path sweepDir = Path.of(plan.sweepDir());
        for (BatchScripts.Script s : scripts) {
            List<String> after = new ArrayList<>();
            s.after().forEach(name -> after.add(ids.get(name)));
            String id = client.submit(s.file(), after);
            ids.put(s.name(), id);
            if (s.isArray()) {
                s.cells().forEach(i -> cells.put(i, id + "_" + i));
            } else {
                prerequisites.put(s.name(), id);
            }
            log.accept("submitted " + s.name() + " as job " + id + (after.isEmpty() ? "" : ", after " + String.join(",", after))
                    + (s.isArray() ? " (cells " + s.cells() + ")" : ""));
            // written after every job, so that a failed submission still leaves --cancel the ones that went in
            new SlurmPlanFile.Jobs(prerequisites, cells).write(sweepDir);
        }
        return new SlurmPlanFile.Jobs(prerequisites, cells);
    }

    /** Cancels every job of the sweep that is still in the queue; returns their ids. */
    public List<String> cancel(Path sweepDir) {
        SlurmPlanFile.Jobs jobs = SlurmPlanFile.Jobs.read(sweepDir);
        Map<String, SlurmClient.QueueEntry> queue = client.queue();
        List<String> ids = new ArrayList<>();
        jobs.prerequisites().values().stream().filter(queue::containsKey).forEach(ids::add);
        jobs.cells().values().stream().filter(queue::containsKey).forEach(ids::add);
        client.cancel(ids);
        return ids;
    }
}
