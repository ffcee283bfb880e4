package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.run.MetricsRow;

/**
 * The per-class AP50 a detector run recorded for its own test split ({@code score_ap50_<class>}
 * columns of metrics.csv), read from the row of the epoch its best.params were saved at, so that
 * the table describes the weights on screen; the stage's last row when that epoch is unknown.
 */
final class RecordedClassAp {
    private RecordedClassAp() {}

    /** One entry per class in label order, or empty when the run recorded no AP50 for some class. */
    static Optional<List<ClassAp>> of(InspectedRun run, List<String> classNames) {
        List<MetricsRow> rows = run.folder().metrics().rows().stream()
                .filter(r -> r.stage().equals(run.stage()) && r.seed() == run.seed())
                .toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int bestEpoch = new Checkpoint(run.bestParams().getParent()).state().map(Checkpoint.State::bestEpoch).orElse(-1);
        MetricsRow row = rows.get(rows.size() - 1);
        for (MetricsRow r : rows) {
            if (r.epoch() == bestEpoch) {
                row = r;
            }
        }
        List<ClassAp> out = new ArrayList<>();
        for (String name : classNames) {
            Double ap = row.scores().get(DetectionEvaluator.ap50Key(name));
            if (ap == null) {
                return Optional.empty();
            }
            out.add(new ClassAp(name, ap));
        }
        return Optional.of(out);
    }
}
