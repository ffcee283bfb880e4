package org.pixeldistill.ui.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.detect.Box;
import org.pixeldistill.core.detect.Detection;
import org.pixeldistill.ui.isrd.PanelPixels;

/**
 * One view of the Detection panel: the image enlarged by a whole factor with nearest-neighbour
 * sampling (each source pixel a solid block, so a 14x14 view really looks like 196 squares), the
 * ground truth as dashed boxes, and the detections as solid boxes in their class's colour with
 * "class score" labels. Every box and label is a node (style classes {@value #BOX},
 * {@value #TRUTH}, {@value #LABEL}), which tests count.
 */
final class BoxPicture {
    static final String BOX = "detection-box";
    static final String TRUTH = "detection-truth";
    static final String LABEL = "detection-label";
    /** Height of a label at text scale 1; it sits above its box, or inside when the box touches the top. */
    private static final double LABEL_HEIGHT = 14;
    /** Font size of a label at text scale 1. */
    private static final double LABEL_FONT = 10;

    private final Pane pane = new Pane();

    BoxPicture(String id) {
        pane.setId(id);
    }

    Pane node() {
        return pane;
    }

    /** An empty square of {@code side} pixels with a note in it. */
    void clear(int side, String note) {
        Label text = new Label(note);
        text.setWrapText(true);
        text.setMaxWidth(side - 16);
        text.relocate(8, 8);
        pane.getChildren().setAll(text);
        fix(side, side);
        pane.setStyle("-fx-background-color: #eeeeee;");
    }

    /**
     * Draws {@code img} enlarged {@code scale} times with its boxes (in the image's own pixels); the
     * boxes' labels are {@code textScale} times their normal size (presentation mode).
     */
    void draw(RawImage img, int scale, List<Box> truth, int[] truthLabels, List<Detection> found, boolean showTruth,
            RunFacts facts, double textScale) {
        PanelPixels.Argb px = PanelPixels.enlarge(img, scale);
        WritableImage image = new WritableImage(px.width(), px.height());
        image.getPixelWriter().setPixels(0, 0, px.width(), px.height(), PixelFormat.getIntArgbInstance(), px.pixels(), 0,
                px.width());
        ImageView view = new ImageView(image);
        view.setSmooth(false); // shown 1:1; never let a resize blur the blocks
        List<Node> nodes = new ArrayList<>(List.of(view));
        String size = img.width() + "×" + img.height();
        if (showTruth) {
            for (int i = 0; i < truth.size(); i++) {
                Rectangle r = rectangle(truth.get(i), scale, truthLabels[i], TRUTH);
                r.getStrokeDashArray().setAll(6.0, 4.0);
                r.setStrokeWidth(1.5);
                Tooltip.install(r, new Tooltip("ground truth: " + facts.className(truthLabels[i]) + ", " + where(truth.get(i))
                        + " px of the " + size + " view"));
                nodes.add(r);
            }
        }
        // least sure first, so the surest boxes and labels end up on top
        List<Detection> order = new ArrayList<>(found);
        order.sort(Comparator.comparingDouble(Detection::score));
        List<Node> labels = new ArrayList<>();
        for (Detection d : order) {
            Rectangle r = rectangle(d.box(), scale, d.label(), BOX);
            r.setStrokeWidth(2);
            String text = facts.className(d.label()) + " " + String.format(Locale.ROOT, "%.2f", d.score());
            Tooltip.install(r, new Tooltip(text + ", " + where(d.box()) + " px of the " + size + " view"));
            nodes.add(r);
            labels.add(label(text, d, scale, textScale));
        }
        nodes.addAll(labels);
        pane.getChildren().setAll(nodes);
        pane.setStyle("");
        fix(px.width(), px.height());
    }

    private static Rectangle rectangle(Box b, int scale, int label, String styleClass) {
        Rectangle r = new Rectangle(b.x0() * scale, b.y0() * scale, b.width() * scale, b.height() * scale);
        r.setFill(Color.TRANSPARENT);
        r.setStroke(colour(label));
        r.getStyleClass().add(styleClass);
        return r;
    }

    private static Label label(String text, Detection d, int scale, double textScale) {
        Label l = new Label(text);
        l.getStyleClass().add(LABEL);
        l.setStyle("-fx-background-color: " + ClassColours.css(d.label()) + "; -fx-text-fill: white;"
                + String.format(Locale.ROOT, " -fx-font-size: %.1fpx;", LABEL_FONT * textScale)
                + " -fx-padding: 0 2 0 2;");
        l.setMouseTransparent(true);
        double y = d.box().y0() * scale;
        double height = LABEL_HEIGHT * textScale;
        l.relocate(d.box().x0() * scale, y >= height ? y - height : y);
        return l;
    }

    private static Color colour(int label) {
        int rgb = ClassColours.rgb(label);
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private static String where(Box b) {
        return String.format(Locale.ROOT, "(%.1f, %.1f)–(%.1f, %.1f)", b.x0(), b.y0(), b.x1(), b.y1());
    }

    /** The pane is exactly the picture: boxes and labels past its edge are cut off. */
    private void fix(double w, double h) {
        pane.setMinSize(w, h);
        pane.setPrefSize(w, h);
        pane.setMaxSize(w, h);
        pane.setClip(new Rectangle(w, h));
    }
}
