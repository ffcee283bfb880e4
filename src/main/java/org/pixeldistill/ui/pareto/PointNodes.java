package org.pixeldistill.ui.pareto;

import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The symbols of the Pareto chart, styled inline so no stylesheet is needed. The chart replaces the
 * style classes of a data node with its own (coloured, padded symbol classes), so each marker sits
 * in a plain holder: the holder takes the chart's classes, the marker keeps ours.
 */
final class PointNodes {
    private PointNodes() {}

    /** A run in its holder: blue dot; on the front a larger red dot; the selected one ringed in black. */
    static StackPane run(boolean onFront, boolean selected) {
        Region marker = marker(onFront, selected);
        marker.getStyleClass().setAll(ParetoView.RUN_POINT);
        if (onFront) {
            marker.getStyleClass().add(ParetoView.FRONT_POINT);
        }
        return holder(marker);
    }

    /** The dot alone, for the legend. */
    static Region marker(boolean onFront, boolean selected) {
        Region r = new Region();
        double size = onFront ? 12 : 9;
        r.setPrefSize(size, size);
        r.setMaxSize(size, size);
        String fill = onFront ? "#d62728" : "#1f77b4";
        String ring = selected ? "-fx-border-color: black; -fx-border-width: 2; -fx-border-radius: 8;" : "";
        r.setStyle("-fx-background-color: " + fill + "; -fx-background-radius: 8; -fx-cursor: hand;" + ring);
        return r;
    }

    static Region diamond() {
        Region d = new Region();
        d.setPrefSize(14, 14);
        d.setMaxSize(14, 14);
        d.setStyle("-fx-background-color: #2ca02c; -fx-shape: \"M7,0 L14,7 L7,14 L0,7 Z\";");
        return d;
    }

    /**
     * The predicted point: a green diamond with its label beside it (on the left when the point is in
     * the right half of the chart, where the label would be cut off). The label is shifted by half
     * its width so that the diamond, not the whole label, sits on the data point.
     */
    static StackPane whatIf(String text, boolean labelLeft) {
        Label label = new Label(text, diamond());
        label.setGraphicTextGap(6);
        label.setStyle("-fx-font-weight: bold; -fx-text-fill: #2ca02c;");
        if (labelLeft) {
            label.setContentDisplay(ContentDisplay.RIGHT);
            label.translateXProperty().bind(label.widthProperty().divide(-2).add(7));
        } else {
            label.translateXProperty().bind(label.widthProperty().divide(2).subtract(7));
        }
        label.getStyleClass().add(ParetoView.WHAT_IF_POINT);
        return holder(label);
    }

    private static StackPane holder(Node marker) {
        StackPane holder = new StackPane(marker);
        holder.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        return holder;
    }
}
