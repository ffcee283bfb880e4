package org.pixeldistill.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.pixeldistill.core.inspect.ImageInspection;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.Stage;

/** What the layout tests feed the workbench (an ISRD run's pictures and loss terms) and how they look at it. */
final class LayoutFixture {
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private LayoutFixture() {}

    /** Six Fashion-MNIST-sized inspections (28x28 teacher, 7x7 student, reconstruction, both maps). */
    static InspectionSnapshot isrdSnapshot(String kind) {
        List<ImageInspection> images = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float[] large = new float[28 * 28];
            for (int p = 0; p < large.length; p++) {
                large[p] = ((p / 28 + p % 28 + i) % 9) / 9f;
            }
            float[] small = new float[7 * 7];
            for (int p = 0; p < small.length; p++) {
                small[p] = ((p / 7) + (p % 7)) % 2;
            }
            float[] teacherMap = new float[7 * 7];
            teacherMap[i] = 1;
            float[] studentMap = new float[4 * 4];
            studentMap[i % 16] = 1;
            RawImage big = new RawImage(large, 1, 28, 28);
            images.add(new ImageInspection(100 + i, i, big, new RawImage(small, 1, 7, 7), big, teacherMap, 7,
                    studentMap, 4, kind, (i + 6) % 10, (i + 1) % 10));
        }
        return new InspectionSnapshot("student", 0, 2, images, CLASSES, kind, 2);
    }

    /** The loss terms of an ISRD run with a teacher stage: the legend a classroom demo shows. */
    static List<MetricsRow> isrdLossRows() {
        List<MetricsRow> rows = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            double l = 1.0 / (epoch + 1);
            rows.add(new MetricsRow(Stage.TEACHER, 0, epoch, 0.01, Map.of("ce", l, "total", l), 50, 60 + epoch, 90,
                    1, 100, 0));
            rows.add(new MetricsRow(Stage.STUDENT, 0, epoch, 0.01, Map.of("ce", l, "kd", l / 2, "at", l / 3,
                    "isrd", l / 4, "total", 2 * l), 50, 40 + epoch, 90, 1, 100, 0));
        }
        return rows;
    }

    /** Whether the node and all its parents are visible. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Every shown Labeled with text under {@code root}, tables' cells left out (they cut on purpose). */
    static List<Labeled> labeleds(Parent root) {
        List<Labeled> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Labeled> out) {
        if (!n.isVisible() || n instanceof TableView) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /**
     * Why this control is shown cut, or null when it is whole: its skin's text differs from its own
     * (an ellipsis), or it reaches past the window's right or bottom edge (unless it lies in a
     * scroll pane: there it is scrolled to, not cut).
     */
    static String cut(Labeled l, double sceneWidth, double sceneHeight) {
        String ellipsis = ellipsis(l);
        if (ellipsis != null) {
            return ellipsis;
        }
        for (Node p = l.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return null;
            }
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        if (b.getMaxX() > sceneWidth + 1 || b.getMaxY() > sceneHeight + 1) {
            return describe(l) + " reaches past the window: " + b;
        }
        return null;
    }

    /** What the control shows when its skin cut the text (an ellipsis), else null. */
    static String ellipsis(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && !t.getText().equals(l.getText()) && !t.getText().isEmpty()) {
                return describe(l) + " shows \"" + t.getText() + "\"";
            }
        }
        return null;
    }

    static String describe(Labeled l) {
        return l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " \"" + l.getText() + "\"";
    }
}
