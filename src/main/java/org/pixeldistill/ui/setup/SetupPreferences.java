package org.pixeldistill.ui.setup;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.model.Backbones;

/**
 * Remembers the setup panel's last choices in a {@link Preferences} node (the workbench uses
 * {@link #NODE}; tests pass a node of their own). A stored value that is no longer valid (a
 * backbone that was renamed, say) falls back to the default instead of breaking the start.
 */
public final class SetupPreferences {
    /** The workbench's node under the user root. */
    public static final String NODE = "org/pixeldistill/workbench";

    private final Preferences node;

    public SetupPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's node {@link #NODE}. */
    public static SetupPreferences user() {
        return new SetupPreferences(Preferences.userRoot().node(NODE));
    }

    /** The node itself, for the other panels' remembered choices. */
    public Preferences node() {
        return node;
    }

    public void save(SetupChoices c) {
        node.putBoolean("use_demo", c.useDemo());
        node.put("folder", c.folder());
        node.put("layout", c.layout());
        node.put("teacher_backbone", c.teacherBackbone());
        node.putDouble("teacher_width", c.teacherWidth());
        node.putInt("teacher_size", c.teacherSize());
        node.put("student_backbone", c.studentBackbone());
        node.putDouble("student_width", c.studentWidth());
        node.putInt("ratio", c.ratio());
        node.put("method", c.method().name());
        node.putDouble("eta", c.eta());
        node.putDouble("temperature", c.temperature());
        node.putDouble("alpha", c.alpha());
        node.putInt("epochs", c.epochs());
        node.putInt("teacher_epochs", c.teacherEpochs());
        node.putInt("seeds", c.seeds());
        node.putInt("train_limit", c.trainLimit());
        node.putInt("teacher_train_limit", c.teacherTrainLimit());
        node.putInt("test_limit", c.testLimit());
        node.put("device", c.device());
        node.putDouble("bandwidth_mbps", c.bandwidthMbps());
        node.put("teacher_weights", c.teacherWeights());
        node.put("student_weights", c.studentWeights());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Remembering choices is a convenience: a read-only home folder must not stop a run.
        }
    }

    /** The stored choices, each missing or invalid one taken from {@code fallback}. */
    public SetupChoices load(SetupChoices fallback) {
        SetupChoices f = fallback;
        String layout = oneOf("layout", f.layout(), DataConfig.DATASETS);
        int teacherSize = Math.max(2, node.getInt("teacher_size", f.teacherSize()));
        int ratio = node.getInt("ratio", f.ratio());
        if (!Resolution.ratios(teacherSize).contains(ratio)) {
            ratio = Resolution.ratios(teacherSize).get(Resolution.indexOf(Resolution.ratios(teacherSize), ratio));
        }
        return new SetupChoices(
                node.getBoolean("use_demo", f.useDemo()),
                node.get("folder", f.folder()),
                layout,
                oneOf("teacher_backbone", f.teacherBackbone(), Backbones.NAMES),
                positive(node.getDouble("teacher_width", f.teacherWidth()), f.teacherWidth()),
                teacherSize,
                oneOf("student_backbone", f.studentBackbone(), Backbones.NAMES),
                positive(node.getDouble("student_width", f.studentWidth()), f.studentWidth()),
                ratio,
                method(f.method()),
                Math.max(0, node.getDouble("eta", f.eta())),
                positive(node.getDouble("temperature", f.temperature()), f.temperature()),
                Math.min(1, Math.max(0, node.getDouble("alpha", f.alpha()))),
                Math.max(1, node.getInt("epochs", f.epochs())),
                Math.max(1, node.getInt("teacher_epochs", f.teacherEpochs())),
                Math.max(1, node.getInt("seeds", f.seeds())),
                Math.max(0, node.getInt("train_limit", f.trainLimit())),
                Math.max(0, node.getInt("teacher_train_limit", f.teacherTrainLimit())),
                Math.max(0, node.getInt("test_limit", f.testLimit())),
                oneOf("device", f.device(), RunConfig.DEVICES),
                positive(node.getDouble("bandwidth_mbps", f.bandwidthMbps()), f.bandwidthMbps()),
                node.get("teacher_weights", f.teacherWeights()),
                node.get("student_weights", f.studentWeights()));
    }

    private String oneOf(String key, String fallback, List<String> allowed) {
        String v = node.get(key, fallback);
        return allowed.contains(v) ? v : fallback;
    }

    private Method method(Method fallback) {
        try {
            return Method.valueOf(node.get("method", fallback.name()));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static double positive(double v, double fallback) {
        return v > 0 && Double.isFinite(v) ? v : fallback;
    }
}
