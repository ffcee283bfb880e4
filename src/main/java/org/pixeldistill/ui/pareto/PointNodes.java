package org.pixeldistill.ui.pareto;

import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/**
 * The symbols of the Pareto chart, styled inline so no stylesheet is needed. The chart replaces the
 * style classes of a data node with its own (coloured, padded symbol classes), so each marker sits
 * in a plain holder: the holder takes the chart's classes, the marker keeps ours.
 */
final class PointNodes {
    private PointNodes() {}

    /**
     * A configuration in its holder: its method's colour and shape ({@link MethodStyles}); on the
     * front larger with a red ring, the selected one ringed in black.
     */
    static StackPane run(String method, boolean onFront, boolean selected) {
        Region marker = marker(method, onFront, selected);
        marker.getStyleClass().setAll(ParetoView.RUN_POINT);
        if (onFront) {
            marker.getStyleClass().add(ParetoView.FRONT_POINT);
        }
        return holder(marker);
    }

    /** The marker alone, for the legend. */
    static Region marker(String method, boolean onFront, boolean selected) {
        MethodStyles.Style style = MethodStyles.of(method);
        Region r = new Region();
        double size = onFront ? 15 : 12;
        r.setPrefSize(size, size);
        r.setMinSize(size, size);
        r.setMaxSize(size, size);
        String shape = style.shape() == null ? "-fx-background-radius: 8; -fx-border-radius: 8;"
                : "-fx-shape: \"" + style.shape() + "\";";
        String ring = selected ? "-fx-border-color: black; -fx-border-width: 3;"
                : onFront ? "-fx-border-color: #d62728; -fx-border-width: 2.5;"
                : "-fx-border-color: white; -fx-border-width: 1;"; // a thin edge keeps touching markers apart
        r.setStyle("-fx-background-color: " + style.colour() + "; -fx-cursor: hand;" + shape + ring);
        return r;
    }

    /** A short error bar with its caps, for the legend. */
    static Node errorBarSymbol() {
        Path bar = new Path(new MoveTo(0, 0), new LineTo(8, 0), new MoveTo(4, 0), new LineTo(4, 14), new MoveTo(0, 14),
                new LineTo(8, 14));
        bar.setStroke(Color.web("#333333"));
        bar.setStrokeWidth(1.5);
        return bar;
    }

    /** A short dashed vertical line, for the legend. */
    static Node budgetSymbol() {
        Line line = new Line(0, 0, 0, 14);
        line.setStroke(Color.web("#444444"));
        line.setStrokeWidth(2);
        line.getStrokeDashArray().setAll(5.0, 3.0);
        return line;
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
