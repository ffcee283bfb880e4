package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.pixeldistill.core.detect.DetectionInspection;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.ui.common.SaveDialog;
import org.pixeldistill.ui.isrd.PanelPixels;
import org.pixeldistill.ui.pareto.PngFiles;

/**
 * The Detection view, "what does my low-resolution camera still find": a finished detector run's
 * teacher (or assistant) with its boxes on the large view beside the student with its boxes on the
 * small view, enlarged to the same size without smoothing; a score threshold, ground truth on or
 * off, a per-class AP table and PNG export of the two pictures. Binds to a
 * {@link DetectionViewModel} and does nothing else.
 *
 * <p>Node ids: detection-run, detection-seed, detection-large, detection-refresh, detection-previous, detection-index,
 * detection-next, detection-count, detection-threshold, detection-threshold-value,
 * detection-truth, detection-export, detection-export-csv, detection-busy, detection-teacher-canvas,
 * detection-student-canvas, detection-teacher-title, detection-student-title, detection-pictures,
 * detection-ap-table, detection-status.
 */
public final class DetectionView {
    /** The large view is enlarged by a whole factor to about this many screen pixels. */
    static final int DISPLAY = 320;

    private final DetectionViewModel vm;
    private final BorderPane root = new BorderPane();
    private final BoxPicture teacher = new BoxPicture("detection-teacher-canvas");
    private final BoxPicture student = new BoxPicture("detection-student-canvas");
    private final Label teacherTitle = title("detection-teacher-title");
    private final Label studentTitle = title("detection-student-title");
    private final HBox pictures;
    /** Asks where the AP CSV goes, given the suggested file name; null = cancelled. */
    private Function<String, Path> csvTarget = this::askForCsv;
    private Consumer<Path> trainConfig = path -> { };
    /** Held: the spinner's value is bound to it, and an unreferenced adapter would be collected. */
    private final ObjectProperty<Integer> indexObject;

    public DetectionView(DetectionViewModel vm) {
        this.vm = vm;
        this.indexObject = vm.indexProperty().asObject();
        pictures = new HBox(16, new VBox(6, teacherTitle, teacher.node()), new VBox(6, studentTitle, student.node()));
        pictures.setId("detection-pictures");
        pictures.setPadding(new Insets(8));
        pictures.setStyle("-fx-background-color: white;");
        root.setTop(new DetectionControls(vm, indexObject, this::chooseAndExport, this::chooseAndExportCsv).node());
        ScrollPane scroll = new ScrollPane(pictures);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        Label status = new Label();
        status.setId("detection-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true); // the empty state's advice is long; a narrow window must not cut it
        Button demo = new Button("Train the demo detector");
        demo.setId("detection-train-demo");
        demo.setTooltip(new Tooltip("Trains " + DetectionViewModel.DEMO_CONFIG + " as Train config… would: a"
                + " teacher at 112 px, an assistant and an AFP student at 28 px on generated scenes, about 16 min"
                + " on 2 CPU cores. Its run then shows here."));
        // the project folder's copy, or the one bundled in the program when started elsewhere
        demo.setOnAction(e -> trainConfig.accept(BundledFiles.configFile(DetectionViewModel.DEMO_CONFIG)));
        // offered only while the tab has nothing to show
        demo.visibleProperty().bind(Bindings.isEmpty(vm.runs()));
        demo.managedProperty().bind(demo.visibleProperty());
        VBox bottom = new VBox(6, ApTable.create(vm), status, demo);
        bottom.setPadding(new Insets(6, 8, 6, 8));
        root.setBottom(bottom);
        vm.shownProperty().addListener((o, a, b) -> render());
        vm.showTruthProperty().addListener((o, a, b) -> render());
        vm.factsProperty().addListener((o, a, b) -> render());
        render();
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    /** What "Train the demo detector" does with the demo's config (the workbench starts a training). */
    public void setTrainConfig(Consumer<Path> action) {
        trainConfig = action;
    }

    /** Writes the two pictures with their titles, as on screen, as a PNG; call on the FX thread. */
    public void exportPng(Path file) {
        PngFiles.write(file, SwingFXUtils.fromFXImage(pictures.snapshot(null, null), null));
    }

    private void render() {
        DetectionInspection x = vm.shownProperty().get();
        RunFacts f = vm.factsProperty().get();
        if (x == null || f == null) {
            teacher.clear(DISPLAY, "The teacher's boxes on the large view appear here.");
            student.clear(DISPLAY, "The student's boxes on its small view, enlarged, appear here.");
            teacherTitle.setText("Teacher");
            studentTitle.setText("Student");
            return;
        }
        int largeScale = PanelPixels.scaleFor(x.large().width(), DISPLAY);
        int smallScale = PanelPixels.scaleFor(x.small().width(), x.large().width() * largeScale);
        boolean truth = vm.showTruthProperty().get();
        teacher.draw(x.large(), largeScale, x.largeTruth(), x.truthLabels(), x.teacher(), truth, f);
        student.draw(x.small(), smallScale, x.smallTruth(), x.truthLabels(), x.student(), truth, f);
        int l = x.large().width();
        int s = x.small().width();
        String above = String.format(Locale.ROOT, " ≥ %.2f", vm.thresholdProperty().get());
        teacherTitle.setText((f.hasTeacher() ? capitalised(f.teacherRole()) + " " + f.teacherRunName()
                : "No teacher in this run: ground truth only") + "\nlarge view " + l + "×" + l + " · "
                + x.teacher().size() + " boxes" + above + " · " + x.largeTruth().size() + " objects");
        studentTitle.setText("Student " + f.runName() + (f.seeds().size() > 1 ? " (seed " + f.seed() + ")" : "")
                + "\nsmall view " + s + "×" + s + ", shown " + smallScale
                + "× without smoothing (" + String.format(Locale.ROOT, "%.1f", (double) l * l / (s * s))
                + "× fewer pixels) · " + x.student().size() + " boxes" + above);
    }

    private void chooseAndExport() {
        RunFacts f = vm.factsProperty().get();
        SaveDialog.exportPng(root, "Export the detection pictures",
                f == null ? "detection.png" : "detection-" + f.runName() + "-image" + vm.indexProperty().get() + ".png",
                vm.exportDirectoryProperty(), this::exportPng, vm::report);
    }

    private void chooseAndExportCsv() {
        RunFacts f = vm.factsProperty().get();
        Path file = csvTarget.apply(f == null ? "detection-ap.csv" : "ap-" + f.runName() + "-seed" + f.seed() + ".csv");
        if (file != null) {
            vm.exportApCsv(file);
        }
    }

    /** Replaces the save dialog of "Export AP CSV…", given the suggested name (tests answer without a dialog). */
    public void setCsvTarget(Function<String, Path> target) {
        csvTarget = target;
    }

    private Path askForCsv(String initialName) {
        String dir = vm.exportDirectoryProperty().get();
        return SaveDialog.ask(root, "Export the per-class AP table", initialName,
                dir == null || dir.isEmpty() ? null : Path.of(dir), "CSV files", "*.csv");
    }

    private static Label title(String id) {
        Label l = new Label();
        l.setId(id);
        l.setStyle("-fx-font-weight: bold;");
        l.setWrapText(true); // the sizes line is long; a 1366-wide window wraps it rather than cutting it
        return l;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
