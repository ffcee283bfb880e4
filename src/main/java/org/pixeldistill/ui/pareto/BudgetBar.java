package org.pixeldistill.ui.pareto;

import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.Node;
import org.pixeldistill.ui.common.WrappingBar;
import javafx.scene.control.Tooltip;

/** The Pareto view's second toolbar: whether to show a bandwidth budget, and its link speed and image rate. */
final class BudgetBar {
    private BudgetBar() {}

    /**
     * The bandwidth budget: link speed and images per second, taken on Enter or when the field is
     * left; a rejected value is marked red with the reason below, and the last good budget stays.
     */
    static Node of(ParetoViewModel vm) {
        CheckBox shown = new CheckBox("bandwidth budget:");
        shown.setId("paretoBudgetShown");
        shown.selectedProperty().bindBidirectional(vm.budgetShownProperty());
        shown.setTooltip(new Tooltip("Draw what a link can carry per image (on the byte and transmit-time axes) and name"
                + " the most accurate finished configuration within it"));
        TextField link = budgetField("paretoBudgetLink", CostAxis.number(vm.budgetProperty().get().linkMbps()),
                "Link speed in Mbit/s (10^6 bits per second)");
        TextField rate = budgetField("paretoBudgetRate", CostAxis.number(vm.budgetProperty().get().imagesPerSecond()),
                "Images sent per second: each may take link / 8 / rate bytes, or 1 / rate seconds");
        String[] applied = {link.getText(), rate.getText()};
        Runnable apply = () -> {
            if (link.getText().equals(applied[0]) && rate.getText().equals(applied[1])) {
                return; // leaving a field unchanged changes nothing
            }
            applied[0] = link.getText();
            applied[1] = rate.getText();
            boolean ok = vm.setBudget(link.getText(), rate.getText());
            String red = "-fx-border-color: #d62728; -fx-border-width: 2;";
            link.setStyle(!ok && vm.budgetErrorProperty().get().startsWith("link") ? red : "");
            rate.setStyle(!ok && vm.budgetErrorProperty().get().startsWith("images") ? red : "");
        };
        for (TextField f : List.of(link, rate)) {
            f.setOnAction(e -> apply.run());
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) apply.run();
            });
            f.disableProperty().bind(vm.budgetShownProperty().not());
        }
        return WrappingBar.of(shown, link, new Label("Mbit/s at"), rate, new Label("images/s"));
    }

    private static TextField budgetField(String id, String value, String tip) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(5);
        f.setTooltip(new Tooltip(tip));
        return f;
    }
}
