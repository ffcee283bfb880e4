package org.pixeldistill.core.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of every training step, classifier or detector: the named loss terms are summed into
 * "total", read back, refused when not finite (before anything is updated, so the last good
 * checkpoint stays the truth), back-propagated, and added to the epoch's running sums.
 */
public final class LossTerms {
    private LossTerms() {}

    /**
     * @param terms the step's weighted terms in the order they should be recorded; "total" is added
     * @throws TrainingFailedException when the total is NaN or infinite
     */
    public static void backward(GradientCollector gc, Map<String, NDArray> terms, Map<String, Double> sums) {
        NDArray total = null;
        for (NDArray term : terms.values()) {
            total = total == null ? term : total.add(term);
        }
        terms.put("total", total);
        Map<String, Double> values = new LinkedHashMap<>();
        terms.forEach((k, v) -> values.put(k, (double) v.getFloat()));
        if (!Double.isFinite(values.get("total"))) {
            throw new TrainingFailedException("loss is not finite " + values);
        }
        gc.backward(total);
        values.forEach((k, v) -> sums.merge(k, v, Double::sum));
    }
}
