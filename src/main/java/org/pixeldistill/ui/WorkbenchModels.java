package org.pixeldistill.ui;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.detect.DetectionInspector;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.detect.DetectionViewModel;
import org.pixeldistill.ui.isrd.IsrdViewModel;
import org.pixeldistill.ui.pareto.ParetoViewModel;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunsTableViewModel;
import org.pixeldistill.ui.setup.SetupPreferences;
import org.pixeldistill.ui.setup.SetupViewModel;
import org.pixeldistill.ui.training.LossChartViewModel;
import org.pixeldistill.ui.training.SweepRequest;
import org.pixeldistill.ui.training.TrainingViewModel;

/**
 * The workbench's view-models and how they are wired: Start trains what the setup panel describes
 * (and remembers the choices); the loss chart and the ISRD view follow every run; a finished run
 * refreshes the runs table, which the Pareto chart follows; the setup's cost readout is the
 * Pareto chart's what-if; a clicked Pareto point selects its run in the table and shows its curves.
 * Needs no toolkit: tests build it with DIRECT runner and thread.
 *
 * @param runsRoot the runs folder (runs/ under the working directory in the app)
 */
public record WorkbenchModels(Path runsRoot, SetupViewModel setup, TrainingViewModel training,
        LossChartViewModel lossChart, IsrdViewModel isrd, RunsTableViewModel runs, ParetoViewModel pareto,
        DetectionViewModel detection) {

    /** Test images the ISRD view follows: one per class of Fashion-MNIST's first six. */
    static final int ISRD_IMAGES = 6;

    public static WorkbenchModels create(Path runsRoot, Path demoData, SetupPreferences preferences, TaskRunner runner,
            UiThread ui) {
        SetupViewModel setup = new SetupViewModel(demoData, runsRoot, preferences, runner, ui);
        TrainingViewModel training = new TrainingViewModel(runsRoot, runner, ui);
        training.rememberIn(preferences.node());
        LossChartViewModel lossChart = new LossChartViewModel(ui);
        IsrdViewModel isrd = new IsrdViewModel(ui, ISRD_IMAGES, preferences.node());
        RunCatalog catalog = new RunCatalog(runsRoot);
        RunsTableViewModel runs = new RunsTableViewModel(catalog, runner, ui, preferences.node());
        ParetoViewModel pareto = new ParetoViewModel(catalog, runner, ui, preferences.node());
        training.setConfigSource(() -> {
            setup.savePreferences();
            return setup.buildConfig();
        });
        training.setSweepSource(() -> {
            setup.savePreferences();
            return new SweepRequest(setup.sweepBase(), setup.sweepOptions());
        });
        training.setupInvalidProperty().bind(setup.invalidProperty());
        training.addListener(lossChart.listener());
        training.addListener(isrd.listener());
        training.currentRunProperty().addListener((o, was, dir) -> {
            if (dir != null) {
                lossChart.show(dir);
            }
        });
        pareto.follow(runs.rows());
        training.lastFinishedRunProperty().addListener((o, was, dir) -> runs.refresh());
        pareto.selectedRunProperty().addListener((o, was, dir) -> {
            if (dir != null) {
                lossChart.show(dir);
            }
        });
        setup.costReportProperty().addListener((o, was, report) -> whatIf(setup, pareto, report));
        // the what-if point is about the method being set up (the Pareto toolbar can still pick another)
        setup.methodProperty().addListener((o, was, m) -> {
            if (m != null) {
                pareto.whatIfMethodProperty().set(m.runMethod());
            }
        });
        // and where it goes back to when its own method's runs are gone
        pareto.setupMethodProperty().bind(Bindings.createStringBinding(
                () -> setup.methodProperty().get() == null ? null : setup.methodProperty().get().runMethod(),
                setup.methodProperty()));
        var detection = new DetectionViewModel(runsRoot, runner, ui, preferences.node(),
                DetectionInspector.SCORE_FLOOR);
        // a detector run that just finished shows up in the Detection tab's run list
        training.lastFinishedRunProperty().addListener((o, was, dir) -> detection.refresh());
        return new WorkbenchModels(runsRoot, setup, training, lossChart, isrd, runs, pareto, detection);
    }

    /** The size on the slider as a point on the Pareto chart, its accuracy read off the finished runs. */
    private static void whatIf(SetupViewModel setup, ParetoViewModel pareto, CostReport report) {
        if (report == null) {
            pareto.clearWhatIf();
            return;
        }
        var data = setup.dataConfig();
        BackboneSpec spec = new BackboneSpec(report.backbone(), report.inputSize(), report.channels(), report.classes(),
                report.width(), "auto", 0);
        // runs of any data set count for the interpolation (a run's data-set key carries its limits)
        pareto.setWhatIf(spec, CostModel.datasetKey(data), null, () -> DataSets.open(data, Path.of("")).test());
    }
}
