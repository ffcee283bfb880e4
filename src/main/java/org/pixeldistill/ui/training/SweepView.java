package org.pixeldistill.ui.training;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * "Sweep sizes" and the list of its cells (waiting, training, finished with its best score,
 * failed, stopped). The setup panel hosts it under its method picker; Stop and Resume are the
 * training bar's, shared with single runs.
 */
public final class SweepView {
    private final VBox root;

    public SweepView(TrainingViewModel vm) {
        Button sweep = new Button("Sweep sizes");
        sweep.setId("sweep-sizes");
        sweep.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip("Train the ticked methods at every size the Student size slider offers, one"
                + " teacher (and teacher cache) for all, as `sweep` does on the command line. Each finished size joins"
                + " the Pareto chart at once, and the what-if point then follows the slider. Stop, then Resume (or"
                + " Sweep sizes again) continues: finished sizes are not trained again.");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        sweep.setTooltip(tip);
        sweep.disableProperty().bind(vm.runningProperty().or(vm.setupInvalidProperty()));
        sweep.setOnAction(e -> vm.startSweep());
        ListView<SweepCellState> cells = new ListView<>(vm.sweepCells());
        cells.setId("sweep-cells");
        cells.setFocusTraversable(false);
        cells.setPrefHeight(110);
        cells.setPlaceholder(new javafx.scene.control.Label("no sweep yet"));
        cells.setStyle("-fx-font-family: monospace;");
        root = new VBox(4, sweep, cells);
    }

    public Node node() {
        return root;
    }
}
