package org.pixeldistill.ui;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * Presentation mode: one scale for text and pictures, so the back row of a classroom can read a
 * projected window. Text follows through the root's font size (every control's size is in em);
 * pictures that are drawn in pixels (the ISRD grid, the Detection tab) bind to {@link #scaleProperty()}. The scale is
 * remembered in the workbench's preferences node.
 */
public final class Presentation {
    public static final double MIN = 0.8;
    public static final double MAX = 2.5;
    /** Each step of Ctrl+= or Ctrl+- multiplies or divides by this. */
    public static final double STEP = 1.15;

    private final Preferences node;
    private final DoubleProperty scale = new SimpleDoubleProperty(1);

    /** {@code node} null: the scale applies but is not remembered (tests). */
    public Presentation(Preferences node) {
        this.node = node;
        scale.set(node == null ? 1 : clamp(node.getDouble("presentation_scale", 1)));
        scale.addListener((o, was, is) -> remember(is.doubleValue()));
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public void larger() {
        scale.set(clamp(scale.get() * STEP));
    }

    public void smaller() {
        scale.set(clamp(scale.get() / STEP));
    }

    public void reset() {
        scale.set(1);
    }

    /** Keeps the root's font size at the system size times the scale. */
    public void applyTo(Parent root) {
        Runnable apply = () -> root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;",
                Font.getDefault().getSize() * scale.get()));
        scale.addListener(o -> apply.run());
        apply.run();
    }

    private void remember(double value) {
        if (node == null) {
            return;
        }
        node.putDouble("presentation_scale", value);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the scale still applies for this session
        }
    }

    private static double clamp(double v) {
        if (!Double.isFinite(v)) {
            return 1;
        }
        double rounded = Math.round(v * 100) / 100.0; // 1.15^n drifts; a step back should land on 1.0 again
        return Math.max(MIN, Math.min(MAX, Math.abs(rounded - 1) < 0.02 ? 1 : rounded));
    }
}
