package org.pixeldistill.ui.setup;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/** A two-column form (label, control) with a tooltip on both, and the spinners the setup panel uses. */
final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    FormGrid() {
        grid.setHgap(8);
        grid.setVgap(5);
        grid.setPadding(new Insets(4, 8, 4, 8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    <T extends Control> T add(String label, T control, String id, String tip) {
        control.setId(id);
        control.setMaxWidth(Double.MAX_VALUE);
        Label name = new Label(label);
        name.setLabelFor(control);
        Tooltip tooltip = tooltip(tip);
        control.setTooltip(tooltip);
        name.setTooltip(tooltip);
        grid.addRow(row++, name, control);
        return control;
    }

    /** A labelled row whose control is a group of nodes (buttons beside a file name, say). */
    Node addNode(String label, Node node, String tip) {
        Label name = new Label(label);
        name.setTooltip(tooltip(tip));
        grid.addRow(row++, name, node);
        return node;
    }

    /** A node across both columns. */
    void addWide(Node node) {
        grid.add(node, 0, row++, 2, 1);
    }

    void addHeading(String text) {
        Label heading = new Label(text);
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 0 0;");
        addWide(heading);
    }

    GridPane node() {
        return grid;
    }

    static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }

    /** A number field whose arrows step within min..max; what is typed is judged by {@link SetupValidation}. */
    static Spinner<Double> doubles(double min, double max, double step, ObjectProperty<Double> value) {
        SpinnerValueFactory<Double> f = TypedSpinnerValues.doubles(min, max, step, value.get());
        f.valueProperty().bindBidirectional(value);
        return editable(new Spinner<>(f));
    }

    /** A whole-number field whose arrows step within min..max; what is typed is judged by {@link SetupValidation}. */
    static Spinner<Integer> integers(int min, int max, int step, ObjectProperty<Integer> value) {
        SpinnerValueFactory<Integer> f = TypedSpinnerValues.integers(min, max, step, value.get());
        f.valueProperty().bindBidirectional(value);
        return editable(new Spinner<>(f));
    }

    /** Typed values count when the field loses focus too, not only on Enter. */
    private static <T> Spinner<T> editable(Spinner<T> spinner) {
        spinner.setEditable(true);
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                try {
                    spinner.commitValue();
                } catch (RuntimeException e) {
                    // not a number: show the last valid value again
                    spinner.cancelEdit();
                }
            }
        });
        return spinner;
    }
}
