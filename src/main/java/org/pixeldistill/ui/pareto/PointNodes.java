package org.pixeldistill.ui.pareto;

import javafx.scene.Node;
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
     * front inside a red ring (the fill keeps the method's colour), the selected one edged in black.
     * The marker carries the run folder as user data, as does the holder.
     */
    static StackPane run(String method, boolean onFront, boolean selected, Object folder) {
        Region marker = methodMarker(method, selected);
        marker.getStyleClass().setAll(ParetoView.RUN_POINT);
        marker.setUserData(folder);
        StackPane holder;
        if (onFront) {
            marker.getStyleClass().add(ParetoView.FRONT_POINT);
            holder = holder(frontRing(), marker);
        } else {
            holder = holder(marker);
        }
        holder.setUserData(folder);
        return holder;
    }

    /** The marker alone, for the legend; on the front inside its red ring. */
    static Node marker(String method, boolean onFront, boolean selected) {
        Region r = methodMarker(method, selected);
        return onFront ? new StackPane(frontRing(), r) : r;
    }

    private static Region methodMarker(String method, boolean selected) {
        MethodStyles.Style style = MethodStyles.of(method);
        Region r = new Region();
        double size = 12;
        r.setPrefSize(size, size);
        r.setMinSize(size, size);
        r.setMaxSize(size, size);
        String shape = style.shape() == null ? "-fx-background-radius: 8; -fx-border-radius: 8;"
                : "-fx-shape: \"" + style.shape() + "\";";
        String edge = selected ? "-fx-border-color: black; -fx-border-width: 3;"
                : "-fx-border-color: white; -fx-border-width: 1;"; // a thin edge keeps touching markers apart
        r.setStyle("-fx-background-color: " + style.colour() + "; -fx-cursor: hand;" + shape + edge);
        return r;
    }

    /** The red circle around a marker on the Pareto front, clear inside (also the legend's symbol). */
    static Region frontRing() {
        Region ring = new Region();
        ring.setPrefSize(20, 20);
        ring.setMinSize(20, 20);
        ring.setMaxSize(20, 20);
        ring.setMouseTransparent(true);
        ring.setStyle("-fx-background-color: transparent; -fx-border-color: #d62728; -fx-border-width: 2;"
                + " -fx-border-radius: 10; -fx-background-radius: 10;");
        return ring;
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
     * The predicted point: a green diamond with its label above it, so that the label never covers
     * the runs beside it at the same cost. The label starts at the diamond in the left third of the
     * chart, ends at it in the right third and is centred on it between, so it stays on the chart;
     * it is shifted so that the diamond, not the whole label, sits on the data point.
     *
     * @param where -1 left third, 0 middle, 1 right third
     */
    static StackPane whatIf(String text, int where) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold; -fx-text-fill: #2ca02c;");
        label.getStyleClass().add(ParetoView.WHAT_IF_POINT);
        label.setManaged(false); // the chart centres the holder, sized by the diamond alone, on the point
        StackPane holder = new StackPane(diamond(), label) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // above the 14-pixel diamond: starting at it, centred on it, or ending at it
                double w = label.prefWidth(-1);
                double h = label.prefHeight(-1);
                label.resizeRelocate(where < 0 ? 0 : where > 0 ? 14 - w : 7 - w / 2, -h - 1, w, h);
            }
        };
        holder.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        holder.setMouseTransparent(true);
        return holder;
    }

    private static StackPane holder(Node... marker) {
        StackPane holder = new StackPane(marker);
        holder.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        return holder;
    }
}
