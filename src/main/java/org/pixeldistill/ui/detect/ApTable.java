package org.pixeldistill.ui.detect;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The Detection view's per-class table, bound to {@link DetectionViewModel#apRows()}. */
final class ApTable {
    private ApTable() {}

    static TableView<ApRow> create(DetectionViewModel vm) {
        TableView<ApRow> table = new TableView<>(vm.apRows());
        table.setId("detection-ap-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No run open."));
        table.setPrefHeight(230);
        TableColumn<ApRow, ApRow> name = new TableColumn<>("Class");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new SwatchCell());
        name.setComparator((a, b) -> a.className().compareToIgnoreCase(b.className()));
        table.getColumns().add(name);
        table.getColumns().add(column("AP50 % (student, test set)", ApRow::ap50,
                v -> Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v),
                "The student's average precision at IoU 0.5 over the run's whole test split, at the epoch its"
                        + " weights were saved (best.params). It sums over all scores, so the threshold does not change"
                        + " it; n/a: the test split has no object of this class."));
        table.getColumns().add(count("objects here", ApRow::truthHere,
                "Ground-truth objects of this class in the image shown."));
        table.getColumns().add(count("teacher finds", ApRow::teacherHere,
                "Boxes of this class the teacher (or assistant) draws on the large view at the current threshold."));
        table.getColumns().add(count("student finds", ApRow::studentHere,
                "Boxes of this class the student draws on the small view at the current threshold."));
        table.setTooltip(new Tooltip("Per class: the student's AP50 on the test set, and what each network finds in"
                + " this image at the current score threshold."));
        return table;
    }

    private static <T> TableColumn<ApRow, T> column(String title, Function<ApRow, T> value, Function<T, String> text,
            String tip) {
        TableColumn<ApRow, T> col = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        col.setGraphic(header);
        // the header stays whole at any font size: the column is at least as wide as its title
        col.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text measure = new Text(title);
            measure.setFont(header.getFont());
            return Math.ceil(measure.getLayoutBounds().getWidth()) + 30;
        }, header.fontProperty()));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
            }
        });
        return col;
    }

    private static TableColumn<ApRow, Integer> count(String title, Function<ApRow, Integer> value, String tip) {
        return column(title, value, String::valueOf, tip);
    }

    /** The class name with a square of its box colour. */
    private static final class SwatchCell extends TableCell<ApRow, ApRow> {
        @Override
        protected void updateItem(ApRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            int rgb = ClassColours.rgb(row.label());
            setGraphic(new Rectangle(10, 10, Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)));
            setText(row.className());
        }
    }
}
