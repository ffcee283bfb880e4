package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/** The Detection view's control bar: run chooser, image stepper, threshold, ground truth, export. */
final class DetectionControls {
    private final FlowPane bar;

    DetectionControls(DetectionViewModel vm, ObjectProperty<Integer> index, Runnable export, Runnable exportCsv) {
        ComboBox<Path> run = new ComboBox<>();
        run.setId("detection-run");
        run.setPrefWidth(320);
        Runnable fill = () -> {
            Path chosen = vm.runFolderProperty().get();
            run.getItems().setAll(vm.runs().stream().map(DetectorRunChoice::dir).toList());
            run.setValue(chosen); // replacing the items must not clear the choice
        };
        fill.run();
        vm.runs().addListener((ListChangeListener<DetectorRunChoice>) c -> fill.run());
        run.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return vm.labelOf(p);
            }

            @Override
            public Path fromString(String s) {
                throw new UnsupportedOperationException("the run chooser is not editable");
            }
        });
        run.valueProperty().bindBidirectional(vm.runFolderProperty());
        run.setPromptText("choose a detector run");
        run.setTooltip(new Tooltip("Finished detector runs under the runs folder (any run whose config has a detect"
                + " section, cached teachers included). The student is the run's final stage; the large view's boxes"
                + " come from the network it learnt from (its assistant for TAS, else its teacher; \"Large view\" switches)."));

        ComboBox<Integer> seed = choice(vm.seeds(), vm.seedProperty(), "detection-seed", "Which seed's student to show:"
                + " a run trained with several seeds has one student per seed (the teacher or assistant is shared)."
                + " The AP table is that seed's.");
        ComboBox<String> large = choice(vm.largeRoles(), vm.largeFromProperty(), "detection-large", "Whose boxes the"
                + " large view shows. A TAS run learnt from its assistant (the student's own network at the large size),"
                + " which learnt from the teacher: compare what either finds in the large image with what the student"
                + " finds in the small one.");

        Button refresh = button("Refresh", "detection-refresh", "Look for detector runs under the runs folder again.");
        refresh.setOnAction(e -> vm.refresh());
        Button previous = button("◀", "detection-previous", "Previous test image.");
        previous.setOnAction(e -> vm.previous());
        Button next = button("▶", "detection-next", "Next test image.");
        next.setOnAction(e -> vm.next());

        SpinnerValueFactory.IntegerSpinnerValueFactory range = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0);
        range.setWrapAround(true);
        vm.imageCountProperty().addListener((o, a, b) -> range.setMax(Math.max(0, b.intValue() - 1)));
        range.valueProperty().bindBidirectional(index);
        Spinner<Integer> image = new Spinner<>(range);
        image.setId("detection-index");
        image.setEditable(true);
        image.setPrefWidth(80);
        image.setTooltip(new Tooltip("Which test image (0-based index in the run's test split). Type a number and"
                + " press Enter, or use the arrows."));
        Label count = new Label();
        count.setId("detection-count");
        count.textProperty().bind(Bindings.format("of %d", vm.imageCountProperty()));

        Slider threshold = new Slider(0, 1, vm.thresholdProperty().get());
        threshold.setId("detection-threshold");
        threshold.valueProperty().bindBidirectional(vm.thresholdProperty());
        threshold.setBlockIncrement(0.05);
        threshold.setMajorTickUnit(0.25);
        threshold.setShowTickMarks(true);
        threshold.setShowTickLabels(true);
        threshold.setPrefWidth(180);
        threshold.setTooltip(new Tooltip("Score threshold: a detector gives every box a score, how sure it is (0-1)"
                + " that the box holds an object of its class. Only boxes scoring at least this are drawn: lower it to"
                + " see what a network half sees, raise it to keep its confident finds. Boxes below "
                + vm.scoreFloor() + " are never kept. The AP in the table does not depend on it."));
        Label value = new Label();
        value.setId("detection-threshold-value");
        value.textProperty().bind(Bindings.format(Locale.ROOT, "%.2f", vm.thresholdProperty()));

        CheckBox truth = new CheckBox("ground truth");
        truth.setId("detection-truth");
        truth.selectedProperty().bindBidirectional(vm.showTruthProperty());
        truth.setTooltip(new Tooltip("Draw the annotated objects as dashed boxes in their class's colour."));

        Button exportButton = button("Export PNG…", "detection-export",
                "Saves the two pictures with their titles, as shown, as a PNG image.");
        exportButton.setOnAction(e -> export.run());
        exportButton.disableProperty().bind(vm.shownProperty().isNull());

        Button csvButton = button("Export AP CSV…", "detection-export-csv", "Saves the per-class table below as a CSV"
                + " file: the test-set AP50 of each class and, for the image shown at this threshold, the objects and"
                + " each network's boxes; every row names the run, seed, image and threshold.");
        csvButton.setOnAction(e -> exportCsv.run());
        csvButton.disableProperty().bind(vm.shownProperty().isNull());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("detection-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());

        bar = new FlowPane(8, 6, new Label("Run:"), run, new Label("Seed:"), seed, new Label("Large view:"), large, refresh, new Label("Test image:"), previous, image, count, next,
                new Label("Score ≥"), threshold, value, truth, exportButton, csvButton, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
    }

    Node node() {
        return bar;
    }

    /** A chooser bound both ways to {@code value}, usable only when there are two or more items. */
    private static <T> ComboBox<T> choice(ObservableList<T> items, ObjectProperty<T> value, String id,
            String tip) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.disableProperty().bind(Bindings.size(items).lessThan(2));
        box.setTooltip(new Tooltip(tip));
        return box;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
