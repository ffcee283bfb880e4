package org.pixeldistill.ui.pareto;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.pixeldistill.ui.common.SaveDialog;
import org.pixeldistill.ui.common.WrappingBar;

/**
 * Accuracy against cost: every finished run a point (hover: its configuration; click: select it),
 * the Pareto front as a red line through the runs worth having, and the what-if configuration as a
 * green diamond with its predicted accuracy. The cost axis, a log scale and the what-if method are
 * chosen in the toolbar; the chart exports as PNG.
 */
public final class ParetoView {
    static final String RUN_POINT = "pareto-run-point";
    static final String FRONT_POINT = "pareto-front-point";
    static final String WHAT_IF_POINT = "pareto-whatif-point";
    static final String RUNS_SERIES = "runs";
    static final String FRONT_SERIES = "Pareto front";
    static final String WHAT_IF_SERIES = "what-if";

    private final ParetoViewModel vm;
    private final BorderPane root = new BorderPane();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    /** Asks where to save the PNG; null when the user cancels. Replaced in tests. */
    private Function<Path, Path> exportTarget = this::choosePngFile;

    public ParetoView(ParetoViewModel vm) {
        this.vm = vm;
        chart.setId("paretoChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false); // every drawn point is a node made here, with its tooltip and click
        chart.setLegendVisible(false);
        chart.setTitle("Accuracy against cost");
        yAxis.setLabel("test top-1 (%), mean of the best per seed");
        yAxis.setForceZeroInRange(false);
        xAxis.setForceZeroInRange(false);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number x) {
                return CostAxis.number(vm.costAt(x.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        root.setTop(toolbar());
        root.setCenter(chart);
        root.setBottom(footer());
        vm.points().addListener((ListChangeListener<ParetoPoint>) c -> redraw());
        vm.front().addListener((ListChangeListener<ParetoPoint>) c -> redraw());
        vm.whatIfProperty().addListener((o, a, b) -> redraw());
        vm.selectedRunProperty().addListener((o, a, b) -> redraw());
        vm.axisProperty().addListener((o, a, b) -> redraw());
        vm.logScaleProperty().addListener((o, a, b) -> redraw());
        vm.detectorsProperty().addListener((o, a, b) -> {
            yAxis.setLabel(b ? "test mAP50 (%), mean of the best per seed" : "test top-1 (%), mean of the best per seed");
            redraw();
        });
        redraw();
    }

    public Node node() {
        return root;
    }

    /** Replaces the file chooser of Export PNG (tests); gets the last export folder, returns the file or null. */
    void setExportTarget(Function<Path, Path> choose) {
        this.exportTarget = choose;
    }

    private Node toolbar() {
        ComboBox<CostAxis> axis = new ComboBox<>();
        axis.setId("paretoAxis");
        axis.getItems().setAll(CostAxis.values());
        axis.valueProperty().bindBidirectional(vm.axisProperty());
        axis.setTooltip(new Tooltip("The cost on the horizontal axis: compute, model size, sensor pixels, bytes "
                + "per image (raw, PNG, JPEG), transmission time, or the cost model's weighted total"));
        CheckBox log = new CheckBox("log scale");
        log.setId("paretoLog");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setTooltip(new Tooltip("Plot the logarithm of the cost: input sizes 7 to 224 span three orders of magnitude"));
        CheckBox detectors = new CheckBox("detectors");
        detectors.setId("paretoDetectors");
        detectors.selectedProperty().bindBidirectional(vm.detectorsProperty());
        detectors.setTooltip(new Tooltip("Show detector runs (their mAP at IoU 0.5) instead of classifier runs (their"
                + " top-1): the two scores are not comparable, so the chart and its front take one kind at a time"));
        ComboBox<String> method = new ComboBox<>(vm.methods());
        method.setId("paretoWhatIfMethod");
        method.setEditable(false);
        // not bound both ways: replacing the items may clear the box's value, which must not clear the choice
        method.setValue(vm.whatIfMethodProperty().get());
        method.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.whatIfMethodProperty().set(b);
        });
        vm.whatIfMethodProperty().addListener((o, a, b) -> method.setValue(b));
        method.setTooltip(new Tooltip("The what-if accuracy is interpolated along input size between finished runs "
                + "of this method with the same backbone and width"));
        Button refresh = new Button("Refresh");
        refresh.setId("paretoRefresh");
        refresh.setTooltip(new Tooltip("Read the runs folder again"));
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button("Export PNG");
        export.setId("paretoExportPng");
        export.setTooltip(new Tooltip("Save the chart as it is shown as a PNG image"));
        export.setOnAction(e -> {
            Path file = exportTarget.apply(vm.exportDirectory());
            if (file != null) exportPng(file);
        });
        Button sweep = new Button("Sweep status...");
        sweep.setId("paretoSweepStatus");
        sweep.setTooltip(new Tooltip("Open a sweep folder run on Slurm (sweep --executor slurm): its jobs, queued,"
                + " running, finished or failed, refreshed every few seconds while the chart fills"));
        sweep.setOnAction(e -> SweepStatusWindow.choose(sweep, Path.of("runs", "sweeps"), vm::refresh));
        return WrappingBar.of(new Label("cost:"), axis, log, detectors, new Separator(), new Label("what-if method:"), method,
                new Separator(), refresh, export, sweep);
    }

    private VBox footer() {
        Label whatIf = new Label();
        whatIf.setId("paretoWhatIfLabel");
        whatIf.textProperty().bind(vm.whatIfLabelProperty());
        Label status = new Label();
        status.setId("paretoStatus");
        status.textProperty().bind(vm.statusProperty());
        FlowPane legend = new FlowPane(12, 2, legendItem(PointNodes.marker(false, false), "run"),
                legendItem(PointNodes.marker(true, false), "on the Pareto front (red line)"),
                legendItem(PointNodes.diamond(), "what-if, predicted"));
        VBox box = new VBox(4, legend, whatIf, status);
        box.setStyle("-fx-padding: 4 8 6 8;");
        return box;
    }

    private static Label legendItem(Node symbol, String text) {
        return new Label(text, symbol);
    }

    /** Draws the three series from the view-model's current state. */
    private void redraw() {
        xAxis.setLabel(vm.axisLabel());
        XYChart.Series<Number, Number> runs = new XYChart.Series<>();
        runs.setName(RUNS_SERIES);
        XYChart.Series<Number, Number> front = new XYChart.Series<>();
        front.setName(FRONT_SERIES);
        XYChart.Series<Number, Number> whatIf = new XYChart.Series<>();
        whatIf.setName(WHAT_IF_SERIES);
        for (ParetoPoint p : vm.points()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.accuracy());
            boolean selected = p.entry().folder().equals(vm.selectedRunProperty().get());
            StackPane node = PointNodes.run(p.onFront(), selected);
            node.setUserData(p.entry().folder());
            node.getChildren().get(0).setUserData(p.entry().folder());
            Tooltip.install(node, new Tooltip(vm.describe(p)));
            node.setOnMouseClicked(e -> vm.select(p));
            d.setNode(node);
            runs.getData().add(d);
        }
        for (ParetoPoint p : vm.front()) {
            front.getData().add(new XYChart.Data<>(p.x(), p.accuracy()));
        }
        WhatIfPoint w = vm.whatIfProperty().get();
        if (w != null && w.drawable()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(w.x(), w.prediction().accuracy());
            double min = vm.points().stream().mapToDouble(ParetoPoint::x).min().orElse(w.x());
            double max = vm.points().stream().mapToDouble(ParetoPoint::x).max().orElse(w.x());
            d.setNode(PointNodes.whatIf(w.label(), w.x() > (min + max) / 2));
            whatIf.getData().add(d);
        }
        chart.getData().setAll(runs, front, whatIf);
        // the runs are points only; the front is a line that must not catch the clicks meant for them
        runs.getNode().setStyle("-fx-stroke: transparent;");
        front.getNode().setStyle("-fx-stroke: #d62728; -fx-stroke-width: 2px;");
        front.getNode().setMouseTransparent(true);
        whatIf.getNode().setStyle("-fx-stroke: transparent;");
    }

    /** Saves a snapshot of the chart as a PNG file. */
    boolean exportPng(Path file) {
        WritableImage image = chart.snapshot(null, null);
        return vm.exportPng(file, SwingFXUtils.fromFXImage(image, null));
    }

    private Path choosePngFile(Path startIn) {
        return SaveDialog.png(root, "Export the Pareto chart", "pareto.png", startIn);
    }
}
