package org.pixeldistill.ui.training;

import java.util.ArrayList;
import java.util.List;

/** Exponential moving average of a curve: s_0 = y_0, s_i = a s_(i-1) + (1 - a) y_i. */
public final class Smoothing {
    /** The smoothing slider's range: 0 (off) to 0.9 (about the last ten points). */
    public static final double MAX = 0.9;

    private Smoothing() {}

    public static List<Curve.Point> ema(List<Curve.Point> points, double a) {
        double alpha = Math.max(0, Math.min(MAX, a));
        List<Curve.Point> out = new ArrayList<>(points.size());
        double s = Double.NaN;
        for (Curve.Point p : points) {
            // A NaN (a diverged epoch) must not poison every later point.
            s = Double.isNaN(s) ? p.y() : Double.isNaN(p.y()) ? s : alpha * s + (1 - alpha) * p.y();
            out.add(new Curve.Point(p.x(), s));
        }
        return out;
    }
}
