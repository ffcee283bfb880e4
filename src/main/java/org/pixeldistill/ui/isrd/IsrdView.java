package org.pixeldistill.ui.isrd;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.core.inspect.Inspector;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.ui.common.SaveDialog;

/**
 * The ISRD panel: one row per fixed test image with the teacher's large view, the student's small
 * view enlarged without smoothing (every pixel a solid block: what the student really gets), the
 * ISRD decoder's reconstruction of the large view from the student's first features, and each
 * network's map (attention or Grad-CAM, heat colours over its own view). Binds to an
 * {@link IsrdViewModel} and does nothing else.
 *
 * <p>Node ids: isrdMapKind, isrdFeatureStage, isrdTrainingStage, isrdEnabled, isrdExport,
 * isrdStatus, isrdCaption, isrdScroll (the pictures' scroll pane), isrdGrid; per image row i: isrdRowCaption-i, isrdLarge-i, isrdSmall-i,
 * isrdReconstruction-i (or isrdNoReconstruction-i), isrdTeacherMap-i (or isrdNoTeacher-i),
 * isrdStudentMap-i.
 */
public final class IsrdView {
    private final IsrdViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox panel = new VBox(8);
    private final SnapshotGrid grid = new SnapshotGrid();
    private final ScrollPane scroll = new ScrollPane(panel);
    /** Presentation mode's scale: the pictures' largest side is {@link SnapshotGrid#CELL_PIXELS} times this. */
    private final DoubleProperty pictureScale = new SimpleDoubleProperty(1);

    public IsrdView(IsrdViewModel vm) {
        this.vm = vm;
        panel.setPadding(new Insets(PADDING));
        panel.getChildren().addAll(grid.caption(), grid.grid());
        panel.setStyle("-fx-background-color: white;");
        root.setTop(controls());
        scroll.setId("isrdScroll");
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        vm.snapshotProperty().addListener((o, a, b) -> {
            grid.render(b);
            fit();
        });
        scroll.layoutBoundsProperty().addListener(o -> fit());
        pictureScale.addListener(o -> fit());
        grid.caption().fontProperty().addListener(o -> fit());
        grid.render(vm.snapshotProperty().get());
    }

    /** Presentation mode's scale for the pictures (1 = normal). */
    public DoubleProperty pictureScaleProperty() {
        return pictureScale;
    }

    /** The side of the pictures now, in screen pixels. */
    public int pictureSide() {
        return grid.target();
    }

    private static final double PADDING = 8;
    /** Rows that must fit without scrolling: the first three images, their five pictures each. */
    private static final int ROWS_IN_VIEW = 3;

    /**
     * Sizes the pictures so that the five columns fit the width and the first three images fit the
     * height, capped at {@link SnapshotGrid#CELL_PIXELS} times the presentation scale. Measured on
     * the scroll pane itself, not its viewport, so that a scroll bar coming or going cannot make
     * the sizes swing back and forth.
     */
    private void fit() {
        double width = scroll.getLayoutBounds().getWidth();
        double height = scroll.getLayoutBounds().getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        double bar = 16; // room for a vertical scroll bar
        double byWidth = (width - bar - 2 * PADDING - (SnapshotGrid.COLUMNS - 1) * SnapshotGrid.GAP) / SnapshotGrid.COLUMNS;
        double line = Math.ceil(grid.caption().getFont().getSize() * 1.35);
        double captionHeight = grid.caption().prefHeight(width - bar - 2 * PADDING);
        // caption, header (up to two lines), then per row its one-line caption and the gaps around it
        double fixed = 2 * PADDING + captionHeight + panel.getSpacing() + 2 * line + SnapshotGrid.GAP / 2 + 4
                + ROWS_IN_VIEW * (line + 2 * SnapshotGrid.GAP);
        double byHeight = (height - fixed) / ROWS_IN_VIEW;
        double cap = SnapshotGrid.CELL_PIXELS * pictureScale.get();
        grid.fitTo((int) Math.floor(Math.min(cap, Math.min(byWidth, byHeight))));
    }

    public Node node() {
        return root;
    }

    /** Writes the panel (caption and grid, as on screen) as a PNG; call on the FX thread. */
    public void exportPng(Path file) {
        WritableImage shot = panel.snapshot(null, null);
        BufferedImage image = SwingFXUtils.fromFXImage(shot, null);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    private Node controls() {
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.setId("isrdMapKind");
        kind.getItems().setAll(vm.mapKinds());
        kind.setConverter(converter(k -> Inspector.GRADCAM.equals(k) ? "Grad-CAM" : "Attention"));
        kind.valueProperty().bindBidirectional(vm.mapKindProperty());
        kind.setTooltip(new Tooltip("Attention: where the stage's activations are strong (channel mean of f², as"
                + " attention transfer uses it).\nGrad-CAM: which places raise the predicted class's score"
                + " (CNNs only; a ViT shows attention instead)."));

        ChoiceBox<Number> stage = new ChoiceBox<>();
        stage.setId("isrdFeatureStage");
        fillStages(stage, 4);
        vm.stageCountProperty().addListener((o, a, b) -> fillStages(stage, b.intValue()));
        stage.setConverter(converter(s -> s.intValue() == 0 ? "auto" : "stage " + s));
        stage.valueProperty().bindBidirectional(vm.featureStageProperty());
        stage.setTooltip(new Tooltip("Feature stage: which backbone stage the maps come from. Auto: the deepest stage where the"
                + " student's map still has at least 3x3 cells (a 7x7 student's last stage is 1x1 and shows"
                + " nothing); the caption names the stage shown."));

        ChoiceBox<String> training = new ChoiceBox<>();
        training.setId("isrdTrainingStage");
        training.getItems().setAll(IsrdViewModel.TRAINING_STAGES);
        training.valueProperty().bindBidirectional(vm.trainingStageProperty());
        training.setTooltip(new Tooltip("Which network's training the panel follows, epoch by epoch: current is"
                + " whichever network is training (the teacher first, then the student); student also follows a"
                + " single model. A new run clears the pictures of the last one."));

        CheckBox enabled = new CheckBox("inspect each epoch");
        enabled.setId("isrdEnabled");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        enabled.setTooltip(new Tooltip("Runs the networks on the fixed test images after every epoch"
                + " (a fraction of a second)."));

        Button export = new Button("Export PNG…");
        export.setId("isrdExport");
        export.setTooltip(new Tooltip("Saves the panel as shown (caption and all rows) as a PNG image."));
        export.setOnAction(e -> chooseAndExport());

        Label status = new Label();
        status.setId("isrdStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true); // its own line under the controls: a long status never pushes them out
        status.setPadding(new Insets(0, 8, 4, 8));
        status.managedProperty().bind(status.textProperty().isNotEmpty());

        FlowPane bar = new FlowPane(8, 6, new Label("Map:"), kind, new Label("Stage:"), stage,
                new Label("Follow:"), training, enabled, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return new VBox(bar, status);
    }

    /** Offers "last stage" and stages 1..count, adjusting the list in place so a valid choice is kept. */
    private static void fillStages(ChoiceBox<Number> box, int count) {
        int wanted = Math.max(1, count) + 1;
        while (box.getItems().size() > wanted) {
            box.getItems().remove(box.getItems().size() - 1);
        }
        while (box.getItems().size() < wanted) {
            box.getItems().add(box.getItems().size());
        }
    }

    private void chooseAndExport() {
        InspectionSnapshot s = vm.snapshotProperty().get();
        SaveDialog.exportPng(root, "Export the ISRD panel", s == null ? "isrd.png"
                : "isrd-" + s.stage() + "-seed" + s.seed() + "-epoch" + (s.epoch() + 1) + "-" + s.mapKind() + ".png",
                vm.exportDirectoryProperty(), this::exportPng, vm::report);
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choice boxes do not parse");
            }
        };
    }
}
