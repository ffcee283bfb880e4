package org.pixeldistill.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.pixeldistill.ui.setup.SetupView;
import org.pixeldistill.ui.training.LossChartView;
import org.pixeldistill.ui.training.TrainingView;

/**
 * The main window's content: the setup panel on the left, a tab per panel in the centre (the loss
 * chart first; more with {@link #addPanel}), and the training bar (Start, Stop, Resume, progress,
 * status) at the bottom.
 */
public final class WorkbenchView {
    private final WorkbenchModels models;
    private final BorderPane root = new BorderPane();
    private final TabPane panels = new TabPane();
    private final SetupView setupView;
    private final TrainingView trainingView;
    private final LossChartView lossChartView;

    public WorkbenchView(WorkbenchModels models) {
        this.models = models;
        setupView = new SetupView(models.setup());
        trainingView = new TrainingView(models.training());
        lossChartView = new LossChartView(models.lossChart());
        panels.setId("workbench-panels");
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addPanel("Training curves", lossChartView.node());
        root.setId("workbench");
        root.setLeft(setupView.node());
        root.setCenter(panels);
        root.setBottom(trainingView.node());
    }

    /**
     * Adds a panel as a tab in the centre, after those already there; its id is
     * "panel-" + the title in lower case with spaces as dashes ("panel-pareto-chart").
     */
    public Tab addPanel(String title, Node node) {
        Tab tab = new Tab(title, node);
        tab.setId("panel-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        panels.getTabs().add(tab);
        return tab;
    }

    /** Brings a panel to the front by its title; false when there is none. */
    public boolean selectPanel(String title) {
        for (Tab tab : panels.getTabs()) {
            if (tab.getText().equals(title)) {
                panels.getSelectionModel().select(tab);
                return true;
            }
        }
        return false;
    }

    public Parent node() {
        return root;
    }

    public WorkbenchModels models() {
        return models;
    }

    public TabPane panels() {
        return panels;
    }

    public SetupView setupView() {
        return setupView;
    }

    public TrainingView trainingView() {
        return trainingView;
    }

    public LossChartView lossChartView() {
        return lossChartView;
    }
}
