package org.pixeldistill.ui.pareto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.pixeldistill.ui.common.SaveDialog;
import org.pixeldistill.ui.common.WrappingBar;

/**
 * Accuracy against cost: every finished configuration a point, its method told by colour and
 * shape (legend below), runs that differ only in seed pooled into one mean with a ± std error bar
 * (hover: configuration, mean ± std and seeds; click: select it), points at the same cost set side
 * by side, the Pareto front as a red line through the configurations worth having, the what-if
 * configuration as a green diamond with its predicted accuracy, and a bandwidth budget as a dashed
 * line with the best configuration within it named. The cost axis, a log scale and the what-if
 * method are chosen in the toolbar, the budget in the bar below it; the chart exports as PNG and
 * its points as CSV.
 */
public final class ParetoView {
    static final String RUN_POINT = "pareto-run-point";
    static final String FRONT_POINT = "pareto-front-point";
    static final String WHAT_IF_POINT = "pareto-whatif-point";
    static final String RUNS_SERIES = "runs";
    static final String FRONT_SERIES = "Pareto front";
    static final String WHAT_IF_SERIES = "what-if";
    static final String BUDGET_SERIES = "budget";
    /** Followed by the run folder's name. */
    static final String ERROR_BAR_SERIES = "error bar ";

    private final ParetoViewModel vm;
    private final BorderPane root = new BorderPane();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    /** Asks where to save the PNG; null when the user cancels. Replaced in tests. */
    private Function<Path, Path> exportTarget = this::choosePngFile;
    /** Asks where to save the CSV; null when the user cancels. Replaced in tests. */
    private Function<Path, Path> csvTarget = this::chooseCsvFile;
    /** The methods on the chart and what the other marks mean; it wraps on a narrow window. */
    private final FlowPane legend = new FlowPane(12, 4);
    /** The chart with its legend and budget line: what Export PNG saves. */
    private final VBox exported;

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
        chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE); // error bars are drawn as paths, in order
        chart.setStyle("-fx-padding: 8 28 8 8;"); // room for the last tick label of the cost axis
        root.setTop(new VBox(toolbar(), BudgetBar.of(vm)));
        Label budget = footerLabel("paretoBudgetLabel", vm.budgetLabelProperty());
        budget.setStyle("-fx-font-weight: bold;");
        legend.setId("paretoLegend");
        VBox legendAndBudget = new VBox(4, legend, budget);
        legendAndBudget.setStyle("-fx-padding: 0 8 0 8;");
        // what Export PNG saves: the chart with the legend naming its markers and the budget's verdict
        exported = new VBox(chart, legendAndBudget);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.setCenter(exported);
        root.setBottom(footer());
        // the layout is the whole drawn state, published last on every change (points, axis, what-if, budget)
        vm.layoutProperty().addListener((o, a, b) -> redraw());
        vm.selectedRunProperty().addListener((o, a, b) -> redraw());
        // after the layout pass that resized the axis: redrawing inside it would disturb it
        xAxis.widthProperty().addListener((o, a, b) -> Platform.runLater(() -> vm.setPlotWidth(b.doubleValue())));
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

    /** Replaces the file chooser of Export CSV (tests). */
    void setCsvTarget(Function<Path, Path> choose) {
        this.csvTarget = choose;
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
        // replacing the items (the runs read again) clears the box's selection: show the choice again
        vm.methods().addListener((ListChangeListener<String>) c -> method.setValue(vm.whatIfMethodProperty().get()));
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
        Button csv = new Button("Export CSV");
        csv.setId("paretoExportCsv");
        csv.setTooltip(new Tooltip("Save the points as CSV: configuration, method, size, every cost, mean, std and"
                + " number of seeds, front membership and run folders"));
        csv.setOnAction(e -> {
            Path file = csvTarget.apply(vm.exportDirectory());
            if (file != null) vm.exportCsv(file);
        });
        Button sweep = new Button("Sweep status...");
        sweep.setId("paretoSweepStatus");
        sweep.setTooltip(new Tooltip("Open a sweep folder run on Slurm (sweep --executor slurm): its jobs, queued,"
                + " running, finished or failed, refreshed every few seconds while the chart fills"));
        sweep.setOnAction(e -> SweepStatusWindow.choose(sweep, Path.of("runs", "sweeps"), vm::refresh));
        return WrappingBar.of(new Label("cost:"), axis, log, detectors, new Separator(), new Label("what-if method:"),
                method, new Separator(), refresh, export, csv, sweep);
    }

    private VBox footer() {
        Label budgetError = footerLabel("paretoBudgetError", vm.budgetErrorProperty());
        budgetError.setStyle("-fx-text-fill: #d62728;");
        VBox box = new VBox(4, budgetError, footerLabel("paretoWhatIfLabel", vm.whatIfLabelProperty()),
                footerLabel("paretoStatus", vm.statusProperty()));
        box.setStyle("-fx-padding: 4 8 6 8;");
        return box;
    }

    /** A line under the chart: wraps on a narrow window instead of being cut off, takes no room when empty. */
    private static Label footerLabel(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private static Label legendItem(Node symbol, String text) {
        return new Label(text, symbol);
    }

    /**
     * Draws the view-model's layout. Series order is drawing order: the budget line and the
     * what-if first, then error bars and the front, the runs' markers last, on top of everything.
     */
    private void redraw() {
        ChartLayout layout = vm.layoutProperty().get();
        if (layout == null) {
            return;
        }
        xAxis.setLabel(vm.axisLabel());
        fit(xAxis, layout.x());
        fit(yAxis, layout.y());
        XYChart.Series<Number, Number> budget = new XYChart.Series<>();
        budget.setName(BUDGET_SERIES);
        if (layout.budgetOnChart()) {
            budget.getData().add(new XYChart.Data<>(layout.budgetX(), layout.y().lower()));
            budget.getData().add(new XYChart.Data<>(layout.budgetX(), layout.y().upper()));
        }
        XYChart.Series<Number, Number> whatIf = new XYChart.Series<>();
        whatIf.setName(WHAT_IF_SERIES);
        WhatIfPoint w = layout.whatIf();
        if (w != null) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(layout.whatIfX(), w.prediction().accuracy());
            double at = (layout.whatIfX() - layout.x().lower()) / layout.x().width();
            d.setNode(PointNodes.whatIf(w.label(), at < 1 / 3.0 ? -1 : at > 2 / 3.0 ? 1 : 0));
            whatIf.getData().add(d);
        }
        List<XYChart.Series<Number, Number>> bars = new ArrayList<>();
        for (ParetoPoint p : layout.points()) {
            if (p.hasErrorBar()) {
                bars.add(errorBar(p, layout.capHalfWidth()));
            }
        }
        XYChart.Series<Number, Number> front = new XYChart.Series<>();
        front.setName(FRONT_SERIES);
        for (ParetoPoint p : layout.front()) {
            front.getData().add(new XYChart.Data<>(p.drawnX(), p.accuracy()));
        }
        XYChart.Series<Number, Number> runs = new XYChart.Series<>();
        runs.setName(RUNS_SERIES);
        for (ParetoPoint p : layout.points()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.drawnX(), p.accuracy());
            boolean selected = p.runs().stream().anyMatch(r -> r.folder().equals(vm.selectedRunProperty().get()));
            StackPane node = PointNodes.run(p.method(), p.onFront(), selected, p.entry().folder());
            Tooltip tip = new Tooltip(vm.describe(p));
            tip.setShowDelay(Duration.millis(200));
            Tooltip.install(node, tip);
            node.setOnMouseClicked(e -> vm.select(p));
            d.setNode(node);
            runs.getData().add(d);
        }
        List<XYChart.Series<Number, Number>> all = new ArrayList<>(List.of(budget, whatIf));
        all.addAll(bars);
        all.add(front);
        all.add(runs);
        chart.getData().setAll(all);
        // only the markers take the mouse: lines must not catch the clicks and hovers meant for them
        budget.getNode().setStyle("-fx-stroke: #444444; -fx-stroke-width: 2px; -fx-stroke-dash-array: 10 6;");
        whatIf.getNode().setStyle("-fx-stroke: transparent;");
        for (XYChart.Series<Number, Number> bar : bars) {
            bar.getNode().setStyle("-fx-stroke: #333333; -fx-stroke-width: 1.5px;");
        }
        front.getNode().setStyle("-fx-stroke: #d62728; -fx-stroke-width: 2px;");
        runs.getNode().setStyle("-fx-stroke: transparent;");
        for (XYChart.Series<Number, Number> s : all) {
            s.getNode().setMouseTransparent(true);
        }
        legend.getChildren().setAll(legendItems(layout));
    }

    /**
     * Mean ± std of a point's seeds as one polyline (the chart keeps insertion order): the lower
     * cap, up the bar, the upper cap.
     */
    private static XYChart.Series<Number, Number> errorBar(ParetoPoint p, double cap) {
        XYChart.Series<Number, Number> bar = new XYChart.Series<>();
        bar.setName(ERROR_BAR_SERIES + p.entry().folder().getFileName());
        double x = p.drawnX();
        double low = p.accuracy() - p.std();
        double high = p.accuracy() + p.std();
        double[][] path = {{x - cap, low}, {x + cap, low}, {x, low}, {x, high}, {x - cap, high}, {x + cap, high}};
        for (double[] xy : path) {
            bar.getData().add(new XYChart.Data<>(xy[0], xy[1]));
        }
        return bar;
    }

    private static void fit(NumberAxis axis, AxisRange range) {
        axis.setAutoRanging(false);
        axis.setLowerBound(range.lower());
        axis.setUpperBound(range.upper());
        axis.setTickUnit(range.tickUnit());
    }

    /** One item per method on the chart, then what the other marks mean (only those drawn). */
    private List<Node> legendItems(ChartLayout layout) {
        List<Node> items = new ArrayList<>();
        new TreeSet<>(layout.points().stream().map(ParetoPoint::method).toList())
                .forEach(m -> items.add(legendItem(PointNodes.marker(m, false, false), m)));
        if (!layout.front().isEmpty()) {
            items.add(legendItem(PointNodes.frontRing(), "on the Pareto front (red ring, red line)"));
        }
        if (layout.points().stream().anyMatch(ParetoPoint::hasErrorBar)) {
            items.add(legendItem(PointNodes.errorBarSymbol(), "mean ± std over seeds"));
        }
        if (layout.whatIf() != null) {
            items.add(legendItem(PointNodes.diamond(), "what-if, predicted"));
        }
        if (layout.budgetOnChart()) {
            items.add(legendItem(PointNodes.budgetSymbol(), "bandwidth budget"));
        }
        return items;
    }

    /** Saves a snapshot of the chart, its legend and the budget line as a PNG file. */
    boolean exportPng(Path file) {
        WritableImage image = exported.snapshot(null, null);
        return vm.exportPng(file, SwingFXUtils.fromFXImage(image, null));
    }

    private Path choosePngFile(Path startIn) {
        return SaveDialog.png(root, "Export the Pareto chart", "pareto.png", startIn);
    }

    private Path chooseCsvFile(Path startIn) {
        return SaveDialog.ask(root, "Export the Pareto points", "pareto.csv", startIn, "CSV files", "*.csv");
    }
}
