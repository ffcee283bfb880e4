package org.pixeldistill.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pixeldistill.ui.common.EpochCharts;
import org.pixeldistill.ui.common.SaveDialog;
import org.pixeldistill.ui.common.WrappingBar;

/**
 * The runs table: every run folder with its accuracy and costs, sortable and multi-select, with
 * Refresh, Open (config and summary in the side pane; a double-click does the same), Compare
 * (test top-1 and loss curves of the selected runs), Delete (after a confirmation), Export CSV and
 * Export student (the selected run's trained network alone, as safetensors).
 */
public final class RunsTableView {
    private final RunsTableViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<RunEntry> table = RunsTableColumns.table();
    private final LineChart<Number, Number> top1Chart = EpochCharts.create("runsCompareTop1", "test top-1 (%)", true);
    private final LineChart<Number, Number> lossChart = EpochCharts.create("runsCompareLoss", "training loss (total)", false);
    private final TextArea details = new TextArea();
    /** Asks the user; replaced in tests, where a modal dialog would wait for ever. */
    private Predicate<String> confirm = RunsTableView::askInDialog;
    /** Asks where to save the CSV; null when the user cancels. */
    private Function<Path, Path> exportTarget = this::chooseCsvFile;
    /** Asks where to save a run's student; null when the user cancels. */
    private Function<RunEntry, Path> studentTarget = this::chooseWeightsFile;

    public RunsTableView(RunsTableViewModel vm) {
        this.vm = vm;
        top1Chart.setCreateSymbols(false);
        lossChart.setCreateSymbols(false);
        SortedList<RunEntry> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        NameColumnWidth.follow(table, vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setRowFactory(t -> {
            TableRow<RunEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) vm.open(row.getItem());
            });
            return row;
        });

        details.setId("runsDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPromptText("Select a run and press Open (or double-click it) to see its config and summary");
        details.textProperty().bind(vm.detailsProperty());
        details.setStyle("-fx-font-family: monospace;");

        HBox charts = new HBox(top1Chart, lossChart);
        HBox.setHgrow(top1Chart, Priority.ALWAYS);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        SplitPane upper = new SplitPane(table, details);
        upper.setDividerPositions(0.75);
        SplitPane main = new SplitPane(upper, charts);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        root.setTop(toolbar());
        root.setCenter(main);
        vm.compareCurves().addListener((ListChangeListener<RunCurve>) c -> drawCurves());
    }

    public Node node() {
        return root;
    }

    /** Selects and shows the run of this folder (the Pareto chart's click, say); nothing if it is not listed. */
    public void select(Path folder) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).folder().equals(folder)) {
                table.getSelectionModel().select(i);
                table.scrollTo(i);
                return;
            }
        }
    }

    /** Replaces the confirmation dialog (tests). */
    void setConfirmation(Predicate<String> ask) {
        this.confirm = ask;
    }

    /** Replaces the file chooser of Export CSV (tests); gets the last export folder, returns the file or null. */
    void setExportTarget(Function<Path, Path> choose) {
        this.exportTarget = choose;
    }

    /** Replaces the file chooser of Export student (tests); gets the selected run, returns the file or null. */
    void setStudentTarget(Function<RunEntry, Path> choose) {
        this.studentTarget = choose;
    }

    /** The buttons (wrapping onto a second row when narrow), the status on a line of its own under them. */
    private Node toolbar() {
        Button refresh = button("Refresh", "runsRefresh", "Read the runs folder again (new, finished or deleted runs)");
        refresh.setOnAction(e -> vm.refresh());
        Button open = button("Open", "runsOpen", "Show the config and summary of the selected run");
        open.setOnAction(e -> {
            RunEntry first = table.getSelectionModel().getSelectedItem();
            if (first != null) vm.open(first);
        });
        Button compare = button("Compare", "runsCompare", "Overlay the test top-1 and loss curves of the selected runs");
        compare.setOnAction(e -> vm.compare(selected()));
        Button delete = button("Delete", "runsDelete", "Delete the selected run folders with their checkpoints (asks first)");
        delete.setOnAction(e -> {
            List<RunEntry> chosen = selected();
            if (!chosen.isEmpty()) vm.delete(chosen, confirm.test(vm.deleteQuestion(chosen)));
        });
        Button export = button("Export CSV", "runsExportCsv", "Save the table, in its current order, as a CSV file");
        export.setOnAction(e -> {
            Path file = exportTarget.apply(vm.exportDirectory());
            if (file != null) vm.exportCsv(file, List.copyOf(table.getItems()));
        });
        Button student = button("Export student", "runsExportStudent",
                "Save the selected run's trained network alone (best checkpoint) as safetensors under torchvision/timm"
                        + " names, with a JSON description beside it");
        student.setOnAction(e -> {
            RunEntry first = table.getSelectionModel().getSelectedItem();
            Path file = first == null ? null : studentTarget.apply(first);
            if (file != null) vm.exportStudent(first, file);
        });
        student.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        compare.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("runsBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("runsStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setPadding(new Insets(0, 8, 2, 8));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        return new VBox(WrappingBar.of(refresh, open, compare, delete, export, student, busy), status);
    }

    private List<RunEntry> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void drawCurves() {
        top1Chart.getData().clear();
        lossChart.getData().clear();
        for (RunCurve c : vm.compareCurves()) {
            top1Chart.getData().add(series(c.name(), c.top1()));
            lossChart.getData().add(series(c.name(), c.loss()));
        }
    }

    private static XYChart.Series<Number, Number> series(String name, List<RunCurve.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        points.forEach(p -> s.getData().add(new XYChart.Data<>(p.epoch(), p.value())));
        return s;
    }

    private static boolean askInDialog(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Delete runs");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Path chooseWeightsFile(RunEntry entry) {
        return SaveDialog.ask(root, "Export the trained network of " + entry.name(), entry.name() + ".safetensors",
                vm.exportDirectory(), "safetensors", "*.safetensors");
    }

    private Path chooseCsvFile(Path startIn) {
        return SaveDialog.ask(root, "Export the runs table", "runs.csv", startIn, "CSV files",
                "*.csv");
    }
}
