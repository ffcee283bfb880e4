package org.pixeldistill.ui.pareto;

import java.util.List;
import java.util.Locale;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * A configuration not trained yet, placed on the Pareto chart at its measured cost and at the
 * accuracy interpolated from finished runs.
 *
 * @param method the method family the prediction is taken from
 * @param cost its cost on the chart's axis
 * @param x where it is drawn (log10 of the cost on a log axis)
 * @param prediction null when no runs allow one (then nothing is drawn and the label says why)
 * @param label what the chart writes beside the point: "predicted 82.3% at 29 KB"
 */
public record WhatIfPoint(BackboneSpec spec, String method, CostReport report, double cost, double x,
        SizeInterpolation.Prediction prediction, String label) {

    /** Whether there is a point to draw. */
    public boolean drawable() {
        return prediction != null && Double.isFinite(x);
    }

    /**
     * Interpolates along input size between the finished runs of the same backbone, width and
     * method family, on the same data set ({@code datasetKey} null: any).
     */
    public static WhatIfPoint place(List<RunEntry> entries, BackboneSpec spec, String datasetKey, String method,
            CostReport report, CostAxis axis, boolean log) {
        List<SizeInterpolation.Sample> samples = entries.stream()
                .filter(e -> e.finished() && e.backbone().equals(spec.name()) && Math.abs(e.width() - spec.width()) < 1e-9
                        && e.method().equals(method) && (datasetKey == null || datasetKey.equals(e.datasetKey())))
                .map(e -> new SizeInterpolation.Sample(e.inputSize(), e.bestTop1()))
                .toList();
        SizeInterpolation.Prediction p = SizeInterpolation.predict(samples, spec.inputSize()).orElse(null);
        double cost = axis.of(report);
        String at = axis.format(cost);
        String label;
        if (p == null) {
            label = String.format(Locale.ROOT, "no runs to interpolate from (%s x%s, %s%s) - cost %s", spec.name(),
                    CostAxis.number(spec.width()), method,
                    samples.isEmpty() ? "" : ", only size " + (int) samples.get(0).size(), at);
        } else {
            label = String.format(Locale.ROOT, "predicted %.1f%% at %s", p.accuracy(), at)
                    + (p.extrapolated() ? String.format(Locale.ROOT, " (extrapolated beyond %d-%d px)",
                            (int) p.lowSize(), (int) p.highSize()) : "");
        }
        double x = log ? (cost > 0 ? Math.log10(cost) : Double.NaN) : cost;
        return new WhatIfPoint(spec, method, report, cost, x, p, label);
    }
}
