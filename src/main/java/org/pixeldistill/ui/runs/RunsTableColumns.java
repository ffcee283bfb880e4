package org.pixeldistill.ui.runs;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.pixeldistill.core.cost.CostReport;

/** The columns of the runs table: text columns sort as text, numbers as numbers (a missing value first). */
final class RunsTableColumns {
    /** Header padding and the sort arrow beside the title. */
    private static final double HEADER_ROOM = 30;

    private RunsTableColumns() {}

    static TableView<RunEntry> table() {
        TableView<RunEntry> table = new TableView<>();
        table.setId("runsTable");
        table.setPlaceholder(new Label("No runs in the runs folder yet: train one, then press Refresh"));
        TableColumn<RunEntry, String> name = text("name", "runsColName", "The run's folder", RunEntry::name);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // names share their beginning (method, backbone): cut in the middle, keep the end, full in a tooltip
                setTextOverrun(OverrunStyle.CENTER_WORD_ELLIPSIS);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(name);
        table.getColumns().add(text("kind", "runsColKind", "run, cached teacher or assistant, or sweep cell", RunEntry::kind));
        TableColumn<RunEntry, String> status = text("status", "runsColStatus",
                "running, finished, failed or cancelled; unreadable when a file of the folder is broken", RunEntry::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item)); // long failure reasons
            }
        });
        // columns fit their content when the table first fills; a long failure reason must not take the whole
        // width (the cell's tooltip has it in full)
        status.setMaxWidth(240);
        table.getColumns().add(status);
        table.getColumns().add(text("method", "runsColMethod", "baseline, kd, at, isrd, tas (from the config)", RunEntry::method));
        table.getColumns().add(text("student", "runsColStudent", "Backbone and width multiplier of the trained network",
                e -> e.backbone().isEmpty() ? "" : e.backbone() + " x" + trim(e.width())));
        table.getColumns().add(number("size", "runsColSize", "Input image side in pixels",
                e -> e.inputSize() > 0 ? (double) e.inputSize() : null, v -> String.format(Locale.ROOT, "%.0f", v)));
        TableColumn<RunEntry, Double> best = number("best top-1", "runsColBest",
                "Mean over seeds of each seed's best test top-1 (%), ± the spread", e -> nan(e.bestTop1()), v -> "");
        best.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                RunEntry e = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(e == null || item == null ? null : String.format(Locale.ROOT, "%.2f ± %.2f", e.bestTop1(),
                        Double.isNaN(e.bestTop1Std()) ? 0.0 : e.bestTop1Std()));
            }
        });
        table.getColumns().add(best);
        table.getColumns().add(number("last top-1", "runsColLast", "Mean test top-1 (%) at the last epoch",
                e -> nan(e.lastTop1()), v -> String.format(Locale.ROOT, "%.2f", v)));
        table.getColumns().add(number("MACs", "runsColMacs", "Multiply-accumulates per image at the input size",
                e -> cost(e, CostReport::macs), RunsTableColumns::count));
        table.getColumns().add(number("KB/img JPEG", "runsColKbJpeg", "Mean JPEG bytes per test image at the input size, in KB",
                e -> e.cost() == null ? null : e.cost().bytesJpeg() / 1000, v -> String.format(Locale.ROOT, "%.2f", v)));
        table.getColumns().add(number("params", "runsColParams", "Trained parameters of the deployed network",
                e -> cost(e, CostReport::params), RunsTableColumns::count));
        // each column as wide as its header or content; a narrow window scrolls sideways instead of squeezing
        // the columns (a constrained policy, once the headers' minimums exceed the width, gave one column the rest)
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    private static TableColumn<RunEntry, String> text(String title, String id, String tip, Function<RunEntry, String> value) {
        TableColumn<RunEntry, String> col = new TableColumn<>();
        header(col, title, id, tip);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return col;
    }

    private static TableColumn<RunEntry, Double> number(String title, String id, String tip,
            Function<RunEntry, Double> value, Function<Double, String> format) {
        TableColumn<RunEntry, Double> col = new TableColumn<>();
        header(col, title, id, tip);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        return col;
    }

    /** A header label with a tooltip (a column has none of its own). */
    private static void header(TableColumn<RunEntry, ?> col, String title, String id, String tip) {
        Label label = new Label(title);
        label.setTooltip(new Tooltip(tip));
        col.setGraphic(label);
        col.setId(id);
        // the header stays readable when the table is narrow, at any font size (presentation mode)
        col.minWidthProperty().bind(Bindings.createDoubleBinding(() -> NameColumnWidth.textWidth(title, label.getFont())
                + HEADER_ROOM, label.fontProperty()));
    }

    private static Double cost(RunEntry e, ToLongFunction<CostReport> field) {
        return e.cost() == null ? null : (double) field.applyAsLong(e.cost());
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String count(double v) {
        if (v >= 1e9) return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
