package org.pixeldistill.ui;

import java.nio.file.Path;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.setup.SetupPreferences;
import org.pixeldistill.ui.setup.SetupViewModel;
import org.pixeldistill.ui.training.LossChartViewModel;
import org.pixeldistill.ui.training.TrainingViewModel;

/**
 * The workbench's view-models and how they are wired: Start trains what the setup panel describes
 * (and remembers the choices), the loss chart follows every run, and a run's folder, once known,
 * is what the chart shows. Needs no toolkit: tests build it with DIRECT runner and thread.
 *
 * @param runsRoot the runs folder (runs/ under the working directory in the app)
 */
public record WorkbenchModels(Path runsRoot, SetupViewModel setup, TrainingViewModel training,
        LossChartViewModel lossChart) {

    public static WorkbenchModels create(Path runsRoot, Path demoData, SetupPreferences preferences, TaskRunner runner,
            UiThread ui) {
        SetupViewModel setup = new SetupViewModel(demoData, runsRoot, preferences, runner, ui);
        TrainingViewModel training = new TrainingViewModel(runsRoot, runner, ui);
        LossChartViewModel lossChart = new LossChartViewModel(ui);
        training.setConfigSource(() -> {
            setup.savePreferences();
            return setup.buildConfig();
        });
        training.addListener(lossChart.listener());
        training.currentRunProperty().addListener((o, was, dir) -> {
            if (dir != null) {
                lossChart.show(dir);
            }
        });
        return new WorkbenchModels(runsRoot, setup, training, lossChart);
    }
}
