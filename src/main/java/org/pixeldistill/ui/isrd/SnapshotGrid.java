package org.pixeldistill.ui.isrd;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import org.pixeldistill.core.inspect.ImageInspection;
import org.pixeldistill.core.inspect.InspectionSnapshot;

/**
 * The caption and image grid of {@link IsrdView}: a header row, then per inspected image a line
 * naming its class and both predictions, and below it the five pictures, each an ImageView showing
 * {@link PanelPixels} enlarged by whole factors (never smoothed). The enlargement follows
 * {@link #fitTo}: the pictures shrink to fit a small window and grow up to {@link #CELL_PIXELS}
 * times the presentation scale.
 */
final class SnapshotGrid {
    /** Cells are enlarged by whole factors to about this many screen pixels (at presentation scale 1). */
    static final int CELL_PIXELS = 112;
    static final int COLUMNS = 5;
    static final double GAP = 8;

    private final Label caption = new Label();
    private final GridPane grid = new GridPane();
    private InspectionSnapshot shown;
    /** The pictures' target side in screen pixels. */
    private int target = CELL_PIXELS;

    SnapshotGrid() {
        caption.setId("isrdCaption");
        caption.setWrapText(true);
        grid.setId("isrdGrid");
        grid.setHgap(GAP);
        grid.setVgap(GAP / 2);
    }

    Label caption() {
        return caption;
    }

    GridPane grid() {
        return grid;
    }

    /** The pictures' side now (tests and the layout). */
    int target() {
        return target;
    }

    /** Sets the pictures' side in screen pixels and redraws when it changed. */
    void fitTo(int side) {
        int clamped = Math.max(16, side);
        if (clamped != target) {
            target = clamped;
            render(shown);
        }
    }

    void render(InspectionSnapshot s) {
        shown = s;
        grid.getChildren().clear();
        if (s == null) {
            caption.setText("Nothing to show yet: the panel fills in after each epoch of training.");
            return;
        }
        ImageInspection first = s.images().isEmpty() ? null : s.images().get(0);
        caption.setText(captionOf(s, first));
        String[][] headers = {{"teacher's view", "The teacher's input, at full resolution"},
                {"student's view", "The student's input, enlarged without smoothing: every pixel a solid block"},
                {"rebuilt by ISRD", "The ISRD decoder's reconstruction of the teacher's view from the student's first"
                        + " features (f0)"},
                {"teacher's map", "Where the teacher looks: its map over its own view"},
                {"student's map", "Where the student looks: its map over its own (small) view"}};
        for (int c = 0; c < headers.length; c++) {
            Label header = new Label(headers[c][0]);
            header.setTooltip(new Tooltip(headers[c][1]));
            header.setWrapText(true);
            header.setPrefWidth(target); // as wide as the pictures below, never widening their column
            header.setMaxWidth(target);
            header.setStyle("-fx-font-weight: bold;");
            grid.add(header, c, 0);
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

    /** "Coat · student Coat ✓ · teacher Shirt ✗": short enough for one line above the pictures. */
    static String rowCaption(InspectionSnapshot s, ImageInspection img) {
        String truth = s.className(img.label());
        String text = truth + " · student " + s.className(img.studentPrediction()) + mark(img.studentPrediction(), img);
        if (img.hasTeacher()) {
            text += " · teacher " + s.className(img.teacherPrediction()) + mark(img.teacherPrediction(), img);
        }
        return text;
    }

    /** The long form, for the caption's tooltip. */
    static String rowTooltip(InspectionSnapshot s, ImageInspection img) {
        String text = "test image #" + img.testIndex() + ", true class " + s.className(img.label())
                + "\nstudent predicts " + s.className(img.studentPrediction())
                + (img.studentPrediction() == img.label() ? " (right)" : " (wrong)");
        if (img.hasTeacher()) {
            text += "\nteacher predicts " + s.className(img.teacherPrediction())
                    + (img.teacherPrediction() == img.label() ? " (right)" : " (wrong)");
        }
        return text;
    }

    private static String mark(int prediction, ImageInspection img) {
        return prediction == img.label() ? " ✓" : " ✗";
    }

    private void addRow(InspectionSnapshot s, ImageInspection img, int i) {
        int row = 1 + 2 * i;
        Label rowCaption = new Label(rowCaption(s, img));
        rowCaption.setTooltip(new Tooltip(rowTooltip(s, img)));
        rowCaption.setWrapText(true);
        rowCaption.setPrefWidth(COLUMNS * target + (COLUMNS - 1) * GAP); // the row's width, never wider
        rowCaption.setId("isrdRowCaption-" + i);
        GridPane.setMargin(rowCaption, new Insets(GAP / 2, 0, 0, 0));
        grid.add(rowCaption, 0, row, COLUMNS, 1);
        int pictures = row + 1;
        int largeScale = Math.max(1, target / img.large().width());
        int largeSide = img.large().width() * largeScale;
        int smallScale = Math.max(1, largeSide / img.small().width());
        grid.add(image(PanelPixels.enlarge(img.large(), largeScale), "isrdLarge-" + i), 0, pictures);
        grid.add(image(PanelPixels.enlarge(img.small(), smallScale), "isrdSmall-" + i), 1, pictures);
        if (img.hasReconstruction()) {
            int scale = Math.max(1, target / img.reconstruction().width());
            grid.add(image(PanelPixels.enlarge(img.reconstruction(), scale), "isrdReconstruction-" + i), 2, pictures);
        } else {
            grid.add(note("no ISRD in this run", "isrdNoReconstruction-" + i), 2, pictures);
        }
        if (img.hasTeacher()) {
            grid.add(image(PanelPixels.overlay(img.large(), largeScale, img.teacherMap(), img.teacherMapSize(),
                    PanelPixels.OVERLAY_ALPHA), "isrdTeacherMap-" + i), 3, pictures);
        } else {
            grid.add(note("no teacher in this stage", "isrdNoTeacher-" + i), 3, pictures);
        }
        grid.add(image(PanelPixels.overlay(img.small(), smallScale, img.studentMap(), img.studentMapSize(),
                PanelPixels.OVERLAY_ALPHA), "isrdStudentMap-" + i), 4, pictures);
    }

    /** The picture 1:1, or shrunk to the target (nearest neighbour) when even 1:1 is larger than that. */
    private ImageView image(PanelPixels.Argb pixels, String id) {
        WritableImage image = new WritableImage(pixels.width(), pixels.height());
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.pixels(), 0, pixels.width());
        ImageView view = new ImageView(image);
        view.setSmooth(false); // never let a resize blur the blocks
        if (pixels.width() > target) {
            view.setFitWidth(target);
            view.setPreserveRatio(true);
        }
        view.setId(id);
        return view;
    }

    private Label note(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        // as wide as a picture: a wrapping label may otherwise be squeezed to one letter per line
        label.setMinWidth(target);
        label.setPrefWidth(target);
        label.setMaxWidth(target);
        return label;
    }
}
