package org.pixeldistill.ui;

import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help > About: the facts of {@link AboutFacts} in a small dialog; paths can be selected and copied. */
public final class AboutBox {
    private AboutBox() {}

    /** The dialog's content: one row per fact, ids "about-" + the label in lower case with dashes. */
    public static GridPane content(AboutFacts facts) {
        GridPane grid = new GridPane();
        grid.setId("about-facts");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> fact : facts.rows().entrySet()) {
            TextField value = new TextField(fact.getValue());
            value.setEditable(false);
            value.setPrefColumnCount(48);
            value.setId("about-" + fact.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("-$", ""));
            grid.addRow(row++, new Label(fact.getKey()), value);
        }
        return grid;
    }

    public static Alert dialog(Window owner, AboutFacts facts) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About " + Workbench.TITLE);
        alert.setHeaderText(Workbench.TITLE + " " + facts.version());
        alert.getDialogPane().setContent(content(facts));
        alert.getDialogPane().setId("about-box");
        return alert;
    }
}
