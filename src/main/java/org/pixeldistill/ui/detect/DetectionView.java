package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.pixeldistill.core.detect.DetectionInspection;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.ui.common.SaveDialog;
import org.pixeldistill.ui.pareto.PngFiles;

/**
 * The Detection view, "what does my low-resolution camera still find": a finished detector run's
 * teacher (or assistant) with its boxes on the large view beside the student with its boxes on the
 * small view, enlarged to the same size without smoothing; a score threshold, ground truth on or
 * off, a per-class AP table and PNG export of the two pictures. The pictures grow with
 * presentation mode's scale and shrink (by whole factors, see {@link PictureFit}) to stay in view.
 * Binds to a {@link DetectionViewModel} and does nothing else.
 *
 * <p>Node ids: detection-run, detection-seed, detection-large, detection-refresh, detection-previous, detection-index,
 * detection-next, detection-count, detection-threshold, detection-threshold-value,
 * detection-truth, detection-export, detection-export-csv, detection-busy, detection-teacher-canvas,
 * detection-student-canvas, detection-teacher-title, detection-student-title, detection-pictures,
 * detection-ap-table, detection-status, detection-scroll (the pictures' scroll pane), detection-split.
 */
public final class DetectionView {
    /** The large view is enlarged by a whole factor to about this many screen pixels (times the presentation scale). */
    static final int DISPLAY = 320;
    /** The pictures' share of the height above the AP table, to start with (the divider can be dragged). */
    private static final double PICTURES_SHARE = 0.7;

    private final DetectionViewModel vm;
    private final BorderPane root = new BorderPane();
    private final BoxPicture teacher = new BoxPicture("detection-teacher-canvas");
    private final BoxPicture student = new BoxPicture("detection-student-canvas");
    private final Label teacherTitle = title("detection-teacher-title");
    private final Label studentTitle = title("detection-student-title");
    private final HBox pictures;
    private final ScrollPane scroll;
    /** Presentation mode's scale for the pictures and their boxes' labels (1 = normal). */
    private final DoubleProperty pictureScale = new SimpleDoubleProperty(1);
    /** What is drawn now: the large view's width and its factor (the empty squares: 1 and their side). */
    private int drawnWidth = -1;
    private int drawnFactor = -1;
    private double drawnScale = -1;
    /** Asks where the AP CSV goes, given the suggested file name; null = cancelled. */
    private Function<String, Path> csvTarget = this::askForCsv;
    private Consumer<Path> trainConfig = path -> { };
    /** Held: the spinner's value is bound to it, and an unreferenced adapter would be collected. */
    private final ObjectProperty<Integer> indexObject;

    public DetectionView(DetectionViewModel vm) {
        this.vm = vm;
        this.indexObject = vm.indexProperty().asObject();
        pictures = new HBox(PictureFit.GAP, new VBox(PictureFit.TITLE_GAP, teacherTitle, teacher.node()),
                new VBox(PictureFit.TITLE_GAP, studentTitle, student.node()));
        pictures.setId("detection-pictures");
        pictures.setPadding(new Insets(PictureFit.PADDING));
        pictures.setStyle("-fx-background-color: white;");
        root.setTop(new DetectionControls(vm, indexObject, this::chooseAndExport, this::chooseAndExportCsv).node());
        scroll = new ScrollPane(pictures);
        scroll.setId("detection-scroll");
        scroll.setFitToWidth(true);
        // the pictures above the table, the divider between them can be dragged: a 768-high screen
        // has not the room for both at full size
        SplitPane split = new SplitPane(scroll, ApTable.create(vm));
        split.setId("detection-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(PICTURES_SHARE);
        root.setCenter(split);
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
        VBox bottom = new VBox(6, status, demo);
        bottom.setPadding(new Insets(6, 8, 6, 8));
        root.setBottom(bottom);
        vm.shownProperty().addListener((o, a, b) -> render());
        vm.showTruthProperty().addListener((o, a, b) -> render());
        vm.factsProperty().addListener((o, a, b) -> render());
        // a new size of the area, scale or font may call for another factor
        scroll.layoutBoundsProperty().addListener(o -> refit());
        pictureScale.addListener(o -> refit());
        teacherTitle.fontProperty().addListener(o -> refit());
        render();
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    /** Presentation mode's scale for the pictures (1 = normal); the workbench binds it. */
    public DoubleProperty pictureScaleProperty() {
        return pictureScale;
    }

    /** What "Train the demo detector" does with the demo's config (the workbench starts a training). */
    public void setTrainConfig(Consumer<Path> action) {
        trainConfig = action;
    }

    /** Writes the two pictures with their titles, as on screen, as a PNG; call on the FX thread. */
    public void exportPng(Path file) {
        PngFiles.write(file, SwingFXUtils.fromFXImage(pictures.snapshot(null, null), null));
    }

    /** Draws again only when the pictures' factor would change (a resize, a scale step, a font change). */
    private void refit() {
        render(false);
    }

    private void render() {
        render(true);
    }

    private void render(boolean always) {
        DetectionInspection x = vm.shownProperty().get();
        RunFacts f = vm.factsProperty().get();
        double areaWidth = scroll.getLayoutBounds().getWidth();
        double areaHeight = scroll.getLayoutBounds().getHeight();
        double scale = pictureScale.get();
        double wanted = DISPLAY * scale;
        if (x == null || f == null) {
            teacherTitle.setText("Teacher");
            studentTitle.setText("Student");
            double titles = wrapTitles();
            int side = PictureFit.factor(1, wanted, areaWidth, areaHeight, any -> titles);
            if (!drawn(1, side, scale) || always) {
                teacher.clear(side, "The teacher's boxes on the large view appear here.");
                student.clear(side, "The student's boxes on its small view, enlarged, appear here.");
            }
            return;
        }
        int l = x.large().width();
        int s = x.small().width();
        String above = String.format(Locale.ROOT, " ≥ %.2f", vm.thresholdProperty().get());
        teacherTitle.setText((f.hasTeacher() ? capitalised(f.teacherRole()) + " " + f.teacherRunName()
                : "No teacher in this run: ground truth only") + "\nlarge view " + l + "×" + l + " · "
                + x.teacher().size() + " boxes" + above + " · " + x.largeTruth().size() + " objects");
        // the student's title names its factor, so each side tried is measured with its own text
        IntUnaryOperator studentTitleAt = side -> {
            int smallScale = Math.max(1, side / s); // never wider than the large view: both stay in view
            studentTitle.setText("Student " + f.runName() + (f.seeds().size() > 1 ? " (seed " + f.seed() + ")" : "")
                    + "\nsmall view " + s + "×" + s + ", shown " + smallScale
                    + "× without smoothing (" + String.format(Locale.ROOT, "%.1f", (double) l * l / (s * s))
                    + "× fewer pixels) · " + x.student().size() + " boxes" + above);
            return smallScale;
        };
        int largeScale = PictureFit.factor(l, wanted, areaWidth, areaHeight, side -> {
            studentTitleAt.applyAsInt(side);
            return wrapTitles();
        });
        int smallScale = studentTitleAt.applyAsInt(l * largeScale);
        if (!drawn(l, largeScale, scale) || always) {
            boolean truth = vm.showTruthProperty().get();
            teacher.draw(x.large(), largeScale, x.largeTruth(), x.truthLabels(), x.teacher(), truth, f, scale);
            student.draw(x.small(), smallScale, x.smallTruth(), x.truthLabels(), x.student(), truth, f, scale);
        }
    }

    /** Whether this is what is drawn now; remembers it as drawn (the caller draws it if not). */
    private boolean drawn(int width, int factor, double scale) {
        boolean same = width == drawnWidth && factor == drawnFactor && scale == drawnScale;
        drawnWidth = width;
        drawnFactor = factor;
        drawnScale = scale;
        return same;
    }

    /**
     * Wraps both titles to their column's width (not the picture's: a small picture must not make
     * its title a tall narrow strip); gives the taller one's height.
     */
    private double wrapTitles() {
        double column = PictureFit.column(scroll.getLayoutBounds().getWidth());
        double width = column > 0 ? column : Label.USE_COMPUTED_SIZE;
        teacherTitle.setPrefWidth(width);
        studentTitle.setPrefWidth(width);
        return Math.max(teacherTitle.prefHeight(width), studentTitle.prefHeight(width));
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
