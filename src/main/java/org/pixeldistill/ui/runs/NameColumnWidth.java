package org.pixeldistill.ui.runs;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes the runs table's name column to its longest name (run names share a long beginning, so a
 * column cut to a fixed width shows the same prefix on every row), up to 60% of the table's width;
 * beyond that the cell cuts in the middle and its tooltip has the whole name.
 */
final class NameColumnWidth {
    private static final double CELL_ROOM = 24;

    private NameColumnWidth() {}

    /** Refits whenever {@code rows} (the view-model's list the table shows, sorted) changes. */
    @SuppressWarnings("unchecked")
    static void follow(TableView<RunEntry> table, ObservableList<RunEntry> rows) {
        TableColumn<RunEntry, String> column = (TableColumn<RunEntry, String>) table.getColumns().stream()
                .filter(c -> "runsColName".equals(c.getId())).findFirst().orElseThrow();
        rows.addListener((ListChangeListener<RunEntry>) c -> fit(table, column));
        fit(table, column);
        table.widthProperty().addListener(o -> fit(table, column));
        // the header's label follows the scene's font size (presentation mode); a TableView has no font of its own
        header(column).fontProperty().addListener(o -> fit(table, column));
    }

    private static void fit(TableView<RunEntry> table, TableColumn<RunEntry, String> column) {
        ObservableList<RunEntry> items = table.getItems();
        Font font = header(column).getFont();
        double widest = 0;
        for (RunEntry e : items) {
            widest = Math.max(widest, textWidth(e.name(), font));
        }
        double limit = table.getWidth() > 0 ? table.getWidth() * 0.6 : 400;
        column.setPrefWidth(Math.max(column.getMinWidth(), Math.min(widest + CELL_ROOM, limit)));
    }

    private static Label header(TableColumn<RunEntry, String> column) {
        return (Label) column.getGraphic();
    }

    /** The width of {@code text} in {@code font}, as a Label would lay it out on one line. */
    static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }
}
