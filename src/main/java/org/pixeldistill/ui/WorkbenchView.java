package org.pixeldistill.ui;

import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.pixeldistill.ui.detect.DetectionView;
import org.pixeldistill.ui.isrd.IsrdView;
import org.pixeldistill.ui.pareto.ParetoView;
import org.pixeldistill.ui.runs.RunsTableView;
import org.pixeldistill.ui.setup.SetupView;
import org.pixeldistill.ui.training.LossChartView;
import org.pixeldistill.ui.training.TrainingView;

/**
 * The main window's content: the setup panel on the left; in the centre, first a tab with the loss
 * curves, the Pareto chart and the ISRD view side by side (what a run shows while it trains), then
 * the runs table (more tabs with {@link #addPanel}); the training bar (Start, Stop, Resume,
 * progress, status) at the bottom.
 */
public final class WorkbenchView {
    private final WorkbenchModels models;
    private final BorderPane root = new BorderPane();
    private final TabPane panels = new TabPane();
    private final SetupView setupView;
    private final TrainingView trainingView;
    private final LossChartView lossChartView;
    private final IsrdView isrdView;
    private final ParetoView paretoView;
    private final RunsTableView runsView;
    private final WorkbenchMenus menus;

    public WorkbenchView(WorkbenchModels models) {
        this.models = models;
        setupView = new SetupView(models.setup());
        trainingView = new TrainingView(models.training());
        lossChartView = new LossChartView(models.lossChart());
        isrdView = new IsrdView(models.isrd());
        paretoView = new ParetoView(models.pareto());
        runsView = new RunsTableView(models.runs());
        models.pareto().selectedRunProperty().addListener((o, was, dir) -> {
            if (dir != null) {
                runsView.select(dir);
            }
        });
        panels.setId("workbench-panels");
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addPanel("Training", sideBySide());
        addPanel("Runs", runsView.node());
        DetectionView detectionView = new DetectionView(models.detection());
        detectionView.setTrainConfig(yaml -> models.training().startFile(yaml));
        addPanel("Detection", detectionView.node());
        root.setId("workbench");
        root.setLeft(setupView.node());
        root.setCenter(panels);
        root.setBottom(trainingView.node());
        menus = new WorkbenchMenus(models, models.setup().demoData());
        root.setTop(menus.node());
    }

    /** The menu bar (Runs, Help). */
    public WorkbenchMenus menus() {
        return menus;
    }

    /** Loss curves above the Pareto chart, the ISRD view beside them; the dividers can be dragged. */
    private Node sideBySide() {
        SplitPane charts = new SplitPane(lossChartView.node(), paretoView.node());
        charts.setOrientation(Orientation.VERTICAL);
        charts.setDividerPositions(0.5);
        ScrollPane isrd = new ScrollPane(isrdView.node());
        isrd.setFitToWidth(true);
        SplitPane all = new SplitPane(charts, isrd);
        all.setId("training-split");
        all.setDividerPositions(0.55);
        return all;
    }

    /**
     * Adds a panel as a tab in the centre, after those already there; its id is
     * "panel-" + the title in lower case with spaces as dashes ("panel-pareto-chart").
     */
    public Tab addPanel(String title, Node node) {
        Tab tab = new Tab(title, node);
        tab.setId("panel-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
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

    public IsrdView isrdView() {
        return isrdView;
    }

    public ParetoView paretoView() {
        return paretoView;
    }

    public RunsTableView runsView() {
        return runsView;
    }
}
