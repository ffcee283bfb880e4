package org.pixeldistill.ui.training;

import java.io.IOException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.util.Texts;
import org.pixeldistill.ui.common.EpochCharts;
import org.pixeldistill.ui.common.SaveDialog;
import org.pixeldistill.ui.common.WrappingBar;

/**
 * Two charts, the loss terms per epoch and test top-1 per epoch, for every stage of the run, with
 * a stage filter, a smoothing slider, the per-batch loss on demand and PNG export.
 */
public final class LossChartView {
    private final LossChartViewModel vm;
    private final LineChart<Number, Number> losses = EpochCharts.create("loss-chart", "weighted loss", false);
    private final LineChart<Number, Number> accuracy = EpochCharts.create("accuracy-chart", "test top-1 (%)", true);
    private final VBox charts = new VBox(4, losses, accuracy);
    private final VBox root;

    public LossChartView(LossChartViewModel vm) {
        this.vm = vm;
        ComboBox<String> stage = new ComboBox<>(vm.stages());
        stage.setId("loss-stage");
        stage.valueProperty().bindBidirectional(vm.stageFilterProperty());
        stage.setTooltip(new Tooltip("Show one stage (teacher, assistant, student) or all of them."));
        Slider smoothing = new Slider(0, Smoothing.MAX, 0);
        smoothing.setId("loss-smoothing");
        smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
        smoothing.setTooltip(new Tooltip("Exponential moving average of the loss curves: 0 = raw values, 0.9 = about"
                + " the mean of the last ten points. Accuracy is never smoothed."));
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(vm.smoothingProperty().asString(Locale.ROOT, "%.2f"));
        CheckBox perBatch = new CheckBox("per batch");
        perBatch.setId("loss-per-batch");
        perBatch.selectedProperty().bindBidirectional(vm.perBatchProperty());
        perBatch.setTooltip(new Tooltip("Also draw the total loss of every batch of the stage in progress (x in epochs)."));
        Button export = new Button("Export PNG...");
        export.setId("loss-export");
        export.setTooltip(new Tooltip("Save both charts as one PNG image."));
        export.setOnAction(e -> chooseAndExport());
        Tooltip.install(losses, new Tooltip("Each loss term as weighted in training (the total is their sum)."));
        smoothing.setPrefWidth(100);
        // wraps onto a second row in a narrow panel rather than cutting a label short
        FlowPane tools = WrappingBar.of(new Label("Stage"), stage, new Label("Smoothing"), smoothing, smoothingValue,
                perBatch, export);
        VBox.setVgrow(losses, Priority.ALWAYS);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        root = new VBox(4, tools, charts);
        root.setId("loss-panel");

        vm.lossCurves().addListener((ListChangeListener<Curve>) c -> redrawLosses());
        vm.batchCurveProperty().addListener(o -> redrawLosses());
        vm.accuracyCurves().addListener((ListChangeListener<Curve>) c -> redrawAccuracy());
        // A symbol is a node per point: too many for the per-batch curve's hundreds of points.
        losses.createSymbolsProperty().bind(vm.perBatchProperty().not());
        redrawLosses();
        redrawAccuracy();
    }

    /** The curves, under an axis named after what they score (top-1, or mAP50 for a detector). */
    private void redrawAccuracy() {
        accuracy.getData().setAll(series(vm.accuracyCurves()));
        boolean detector = !vm.accuracyCurves().isEmpty()
                && vm.accuracyCurves().stream().allMatch(c -> c.term().equals("test mAP50"));
        accuracy.getYAxis().setLabel(detector ? "test mAP50 (%)" : "test top-1 (%)");
    }

    public Parent node() {
        return root;
    }

    /** Writes both charts as a PNG file (UI thread). The lead's tests call this directly. */
    public void exportPng(Path file) {
        WritableImage image = charts.snapshot(null, null);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(png, "png", out)) {
                throw new IOException("this JDK has no PNG writer");
            }
        });
    }

    /** The loss chart, for the lead's layout and tests. */
    public LineChart<Number, Number> lossChart() {
        return losses;
    }

    private void chooseAndExport() {
        Path file = SaveDialog.png(root, "Export the charts as PNG", "loss-chart.png", null);
        if (file == null) {
            return;
        }
        try {
            exportPng(file);
        } catch (RuntimeException e) {
            new Alert(Alert.AlertType.ERROR, "cannot write " + file + ": " + Texts.oneLine(e)).show();
        }
    }

    private void redrawLosses() {
        List<Curve> curves = new ArrayList<>(vm.lossCurves());
        if (vm.batchCurveProperty().get() != null) {
            curves.add(vm.batchCurveProperty().get());
        }
        losses.getData().setAll(series(curves));
    }

    private static List<XYChart.Series<Number, Number>> series(List<Curve> curves) {
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        for (Curve c : curves) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.name());
            for (Curve.Point p : c.points()) {
                s.getData().add(new XYChart.Data<>(p.x(), p.y()));
            }
            out.add(s);
        }
        return out;
    }
}
