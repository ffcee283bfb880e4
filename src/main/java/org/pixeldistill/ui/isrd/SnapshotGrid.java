package org.pixeldistill.ui.isrd;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import org.pixeldistill.core.inspect.ImageInspection;
import org.pixeldistill.core.inspect.InspectionSnapshot;

/**
 * The caption and image grid of {@link IsrdView}: one row per inspected image, every picture an
 * ImageView showing {@link PanelPixels} 1:1 (enlarged by whole factors, never smoothed).
 */
final class SnapshotGrid {
    /** Cells are enlarged by whole factors to about this many screen pixels. */
    static final int CELL_PIXELS = 112;

    private final Label caption = new Label();
    private final GridPane grid = new GridPane();

    SnapshotGrid() {
        caption.setId("isrdCaption");
        grid.setId("isrdGrid");
        grid.setHgap(8);
        grid.setVgap(8);
    }

    Label caption() {
        return caption;
    }

    GridPane grid() {
        return grid;
    }

    void render(InspectionSnapshot s) {
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
        // as wide as a picture: a wrapping label may otherwise be squeezed to one letter per line
        label.setMinWidth(CELL_PIXELS);
        label.setPrefWidth(CELL_PIXELS);
        label.setMaxWidth(CELL_PIXELS);
        return label;
    }
}
