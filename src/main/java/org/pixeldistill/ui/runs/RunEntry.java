package org.pixeldistill.ui.runs;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;

/**
 * One run folder as the runs table and the Pareto chart see it: what it is, how it ended, what it
 * reached and what it costs. Accuracies are test top-1 in percent; a value that is not known (a run
 * without results, an unreadable folder) is NaN.
 *
 * @param kind {@link RunEntries#KINDS}: run, teacher, assistant or sweep cell
 * @param status running | finished | failed | cancelled, or "unreadable: &lt;reason&gt;"
 * @param method baseline, kd, at, isrd, tas, teacher, assistant, ... ({@link RunEntries#methodOf})
 * @param config the run's resolved config; null when config.yaml could not be read
 * @param cost the deployed model's cost at its input size; null until measured or when it cannot be
 * @param costNote why there is no cost ("" when there is one, or before it was tried)
 */
public record RunEntry(
        Path folder,
        String name,
        String kind,
        String status,
        String method,
        String backbone,
        double width,
        int inputSize,
        double bestTop1,
        double bestTop1Std,
        double lastTop1,
        double lastTop1Std,
        List<String> stages,
        RunConfig config,
        CostReport cost,
        String costNote) {

    public RunEntry {
        stages = stages == null ? List.of() : List.copyOf(stages);
        costNote = costNote == null ? "" : costNote;
    }

    /** A folder whose files could not be read: listed, never dropped. */
    static RunEntry unreadable(Path folder, String kind, String reason) {
        return new RunEntry(folder, folder.getFileName().toString(), kind, "unreadable: " + reason, "", "", Double.NaN,
                0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), null, null, "");
    }

    public RunEntry withCost(CostReport newCost, String note) {
        return new RunEntry(folder, name, kind, status, method, backbone, width, inputSize, bestTop1, bestTop1Std,
                lastTop1, lastTop1Std, stages, config, newCost, note);
    }

    /** Finished with a best top-1: the runs the Pareto chart plots. */
    public boolean finished() {
        return "finished".equals(status) && !Double.isNaN(bestTop1);
    }

    public boolean readable() {
        return config != null;
    }

    /** The key of the test images its bytes are measured on; null for an unreadable run. */
    public String datasetKey() {
        return config == null ? null : CostModel.datasetKey(config.data());
    }
}
