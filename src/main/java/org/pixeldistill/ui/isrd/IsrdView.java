package org.pixeldistill.ui.isrd;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
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
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;
import org.pixeldistill.core.inspect.ImageInspection;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.core.inspect.Inspector;
import org.pixeldistill.core.run.AtomicFiles;

/**
 * The ISRD panel: one row per fixed test image with the teacher's large view, the student's small
 * view enlarged without smoothing (every pixel a solid block: what the student really gets), the
 * ISRD decoder's reconstruction of the large view from the student's first features, and each
 * network's map (attention or Grad-CAM, heat colours over its own view). Binds to an
 * {@link IsrdViewModel} and does nothing else.
 *
 * <p>Node ids: isrdMapKind, isrdFeatureStage, isrdTrainingStage, isrdEnabled, isrdExport,
 * isrdStatus, isrdCaption, isrdGrid; per image row i: isrdRowCaption-i, isrdLarge-i, isrdSmall-i,
 * isrdReconstruction-i (or isrdNoReconstruction-i), isrdTeacherMap-i (or isrdNoTeacher-i),
 * isrdStudentMap-i.
 */
public final class IsrdView {
    /** Cells are enlarged by whole factors to about this many screen pixels. */
    static final int CELL_PIXELS = 112;

    private final IsrdViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox panel = new VBox(8);
    private final Label caption = new Label();
    private final GridPane grid = new GridPane();

    public IsrdView(IsrdViewModel vm) {
        this.vm = vm;
        caption.setId("isrdCaption");
        grid.setId("isrdGrid");
        grid.setHgap(8);
        grid.setVgap(8);
        panel.setPadding(new Insets(8));
        panel.getChildren().addAll(caption, grid);
        panel.setStyle("-fx-background-color: white;");
        root.setTop(controls());
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        vm.snapshotProperty().addListener((o, a, b) -> render(b));
        render(vm.snapshotProperty().get());
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
        stage.setConverter(converter(s -> s.intValue() == 0 ? "last stage" : "stage " + s));
        stage.valueProperty().bindBidirectional(vm.featureStageProperty());
        stage.setTooltip(new Tooltip("Which backbone stage the maps come from. A 7x7 student's last stage is"
                + " often 1x1: an earlier stage shows more places."));

        ChoiceBox<String> training = new ChoiceBox<>();
        training.setId("isrdTrainingStage");
        training.getItems().setAll(IsrdViewModel.TRAINING_STAGES);
        training.valueProperty().bindBidirectional(vm.trainingStageProperty());
        training.setTooltip(new Tooltip("Which network's training the panel follows, epoch by epoch"
                + " (student also follows a single model)."));

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

        FlowPane bar = new FlowPane(8, 6, new Label("Map:"), kind, new Label("Feature stage:"), stage,
                new Label("Follow:"), training, enabled, export, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
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
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the ISRD panel");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(s == null ? "isrd.png"
                : "isrd-" + s.stage() + "-seed" + s.seed() + "-epoch" + (s.epoch() + 1) + "-" + s.mapKind() + ".png");
        File dir = new File(vm.exportDirectoryProperty().get() == null ? "" : vm.exportDirectoryProperty().get());
        if (dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            exportPng(file.toPath());
            vm.exportDirectoryProperty().set(file.getAbsoluteFile().getParent());
            vm.report("Exported " + file.getName());
        } catch (RuntimeException ex) {
            vm.report("Export failed: " + ex.getMessage());
        }
    }

    private void render(InspectionSnapshot s) {
        grid.getChildren().clear();
        if (s == null) {
            caption.setText("Nothing to show yet: the panel fills in after each epoch of training.");
            return;
        }
        ImageInspection first = s.images().isEmpty() ? null : s.images().get(0);
        caption.setText(captionOf(s, first));
        String[] headers = {"", "teacher's view", "student's view\n(enlarged, no smoothing)",
                "ISRD reconstruction\nfrom the student's f0", "teacher's map", "student's map"};
        for (int c = 0; c < headers.length; c++) {
            grid.add(new Label(headers[c]), c, 0);
        }
        for (int i = 0; i < s.images().size(); i++) {
            addRow(s, s.images().get(i), i);
        }
    }

    /** Stage, epoch, map kind and the sizes involved; says so when the student's map is a single cell. */
    private static String captionOf(InspectionSnapshot s, ImageInspection first) {
        String head = s.stage() + ", seed " + s.seed() + ", after epoch " + (s.epoch() + 1) + " — "
                + (first == null ? s.mapKind() : first.mapKind()) + " on stage " + s.featureStage();
        if (first == null) {
            return head;
        }
        String sizes = " · views: teacher " + first.large().width() + "×" + first.large().height() + ", student "
                + first.small().width() + "×" + first.small().height() + " · maps: "
                + (first.hasTeacher() ? "teacher " + first.teacherMapSize() + "×" + first.teacherMapSize() + ", " : "")
                + "student " + first.studentMapSize() + "×" + first.studentMapSize();
        String hint = first.studentMapSize() == 1
                ? "\nThe student's map has a single cell at this stage: choose an earlier feature stage to see where it looks."
                : "";
        return head + sizes + hint;
    }

    private void addRow(InspectionSnapshot s, ImageInspection img, int i) {
        int row = i + 1;
        int largeScale = PanelPixels.scaleFor(img.large().width(), CELL_PIXELS);
        int smallScale = PanelPixels.scaleFor(img.small().width(), img.large().width() * largeScale);
        Label rowCaption = new Label("#" + img.testIndex() + "\ntrue: " + s.className(img.label())
                + "\nstudent: " + s.className(img.studentPrediction())
                + (img.hasTeacher() ? "\nteacher: " + s.className(img.teacherPrediction()) : ""));
        rowCaption.setId("isrdRowCaption-" + i);
        grid.add(rowCaption, 0, row);
        grid.add(image(PanelPixels.enlarge(img.large(), largeScale), "isrdLarge-" + i), 1, row);
        grid.add(image(PanelPixels.enlarge(img.small(), smallScale), "isrdSmall-" + i), 2, row);
        if (img.hasReconstruction()) {
            int scale = PanelPixels.scaleFor(img.reconstruction().width(), CELL_PIXELS);
            grid.add(image(PanelPixels.enlarge(img.reconstruction(), scale), "isrdReconstruction-" + i), 3, row);
        } else {
            grid.add(note("no ISRD in this run", "isrdNoReconstruction-" + i), 3, row);
        }
        if (img.hasTeacher()) {
            grid.add(image(PanelPixels.overlay(img.large(), largeScale, img.teacherMap(), img.teacherMapSize(),
                    PanelPixels.OVERLAY_ALPHA), "isrdTeacherMap-" + i), 4, row);
        } else {
            grid.add(note("no teacher in this stage", "isrdNoTeacher-" + i), 4, row);
        }
        grid.add(image(PanelPixels.overlay(img.small(), smallScale, img.studentMap(), img.studentMapSize(),
                PanelPixels.OVERLAY_ALPHA), "isrdStudentMap-" + i), 5, row);
    }

    private static ImageView image(PanelPixels.Argb pixels, String id) {
        WritableImage image = new WritableImage(pixels.width(), pixels.height());
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.pixels(), 0, pixels.width());
        ImageView view = new ImageView(image);
        view.setSmooth(false); // shown 1:1 anyway; never let a resize blur the blocks
        view.setId(id);
        return view;
    }

    private static Label note(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(CELL_PIXELS);
        return label;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
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
