package org.pixeldistill.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;

/**
 * A toolbar that wraps its controls onto a second row when the panel is narrow, instead of
 * hiding them behind ToolBar's "&gt;&gt;" or cutting their labels (a 1366-wide window, or a larger
 * font for a projector). Looks like a ToolBar (same style class).
 */
public final class WrappingBar {
    private WrappingBar() {}

    public static FlowPane of(Node... controls) {
        FlowPane bar = new FlowPane(8, 4, controls);
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        for (Node n : controls) {
            if (n instanceof Separator s) {
                s.setOrientation(Orientation.VERTICAL);
            }
        }
        return bar;
    }
}
