package org.pixeldistill.ui;

import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
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
import org.pixeldistill.ui.training.SweepView;
import org.pixeldistill.ui.training.TrainingView;

/**
 * The main window's content: the menu bar on top, the setup panel on the left (View can hide it);
 * in the centre, first a tab with the loss curves and the ISRD view side by side (what a run shows
 * while it trains), then the Pareto chart, the runs table and detection (more tabs with {@link #addPanel}); the
 * training bar (Start, Stop, Resume, progress, status) at the bottom. Laid out to show the ISRD
 * pictures of three images whole on a 1366x768 screen; presentation mode scales text and pictures.
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
    private final Presentation presentation;
    private final BooleanProperty setupShown = new SimpleBooleanProperty(true);
    private final WorkbenchMenus menus;

    /** A view whose presentation scale and setup panel choice are not remembered (tests). */
    public WorkbenchView(WorkbenchModels models) {
        this(models, null);
    }

    /** {@code viewPrefs}: where the presentation scale and the setup panel's visibility are remembered. */
    public WorkbenchView(WorkbenchModels models, Preferences viewPrefs) {
        this.models = models;
        presentation = new Presentation(viewPrefs);
        if (viewPrefs != null) {
            setupShown.set(viewPrefs.getBoolean("setup_panel_shown", true));
            setupShown.addListener((o, was, is) -> viewPrefs.putBoolean("setup_panel_shown", is));
        }
        setupView = new SetupView(models.setup());
        trainingView = new TrainingView(models.training());
        setupView.addSweepControls(new SweepView(models.training()).node());
        lossChartView = new LossChartView(models.lossChart());
        isrdView = new IsrdView(models.isrd());
        isrdView.pictureScaleProperty().bind(presentation.scaleProperty());
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
        addPanel("Pareto", paretoView.node());
        addPanel("Runs", runsView.node());
        DetectionView detectionView = new DetectionView(models.detection());
        detectionView.setTrainConfig(yaml -> models.training().startFile(yaml));
        detectionView.pictureScaleProperty().bind(presentation.scaleProperty());
        addPanel("Detection", detectionView.node());
        root.setId("workbench");
        root.setLeft(setupView.node());
        setupView.node().visibleProperty().bind(setupShown);
        setupView.node().managedProperty().bind(setupShown);
        presentation.applyTo(root);
        root.setCenter(panels);
        root.setBottom(trainingView.node());
        menus = new WorkbenchMenus(models, models.setup().demoData());
        // Runs, View, Help
        menus.node().getMenus().add(1, WorkbenchMenu.create(presentation, setupShown));
        root.setTop(menus.node());
    }

    /** The menu bar (Runs, Help). */
    public WorkbenchMenus menus() {
        return menus;
    }

    /**
     * The loss and accuracy curves, the ISRD view beside them; the divider can be dragged. The ISRD
     * view gets the larger share: its pictures shrink to fit (whole pixel blocks), and at 1366 wide
     * its five columns need about 600 pixels to stay legible. The Pareto chart has a tab of its
     * own: below the curves, a 768-high window left each chart too low to show its legend.
     */
    private Node sideBySide() {
        SplitPane all = new SplitPane(lossChartView.node(), isrdView.node());
        all.setId("training-split");
        all.setDividerPositions(0.4);
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

    /** Presentation mode's scale (View menu, Ctrl+= / Ctrl+- / Ctrl+0). */
    public Presentation presentation() {
        return presentation;
    }

    /** Whether the setup panel is shown (View menu, Ctrl+Shift+L). */
    public BooleanProperty setupShownProperty() {
        return setupShown;
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
