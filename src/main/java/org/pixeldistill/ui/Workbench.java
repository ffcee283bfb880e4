package org.pixeldistill.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.core.util.RunsLocation;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.setup.SetupPreferences;

/**
 * The JavaFX workbench. Started by {@link WorkbenchLauncher} (the jar's main class must not be an
 * Application). Named parameters {@code --runs=DIR} and {@code --data=DIR} (from the command line's
 * {@code --runs DIR}, see cli.WindowStart) move the runs folder and the demo data from their
 * defaults: runs as {@link RunsLocation} chooses (--runs, PDW_RUNS, the folder chosen in the Runs
 * menu, runs/ in a project folder that has one, else the per-user data folder), the demo data in
 * assets/ of the working directory or the copy bundled in the program.
 */
public class Workbench extends Application {
    public static final String TITLE = "Pixel Distillation Workbench";
    private WorkbenchView view;
    private WindowPlacement placement;
    private Path demo;
    /** The runs folder this start was given (--runs), or null; used for this session only, never remembered. */
    private Path explicitRuns;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Map<String, String> named = getParameters().getNamed();
        explicitRuns = named.containsKey("runs") ? Path.of(named.get("runs")) : null;
        demo = named.containsKey("data") ? Path.of(named.get("data")) : BundledFiles.demoDataFrom(Path.of(""));
        DeferredRunner runner = new DeferredRunner(TaskRunner.BACKGROUND);
        view = newView(RunsLocation.current(explicitRuns), runner);
        stage.setTitle(TITLE);
        // maximised the first time; after that, as it was left
        placement = new WindowPlacement(SetupPreferences.user().node());
        double[] size = placement.sceneSize();
        stage.setScene(new Scene(view.node(), size[0], size[1]));
        placement.restore(stage);
        stage.setOnHidden(e -> placement.save(stage));
        stage.show();
        releaseAfterFirstFrame(runner);
    }

    private WorkbenchView newView(RunsLocation runs, TaskRunner runner) {
        SetupPreferences preferences = SetupPreferences.user();
        WorkbenchModels models = WorkbenchModels.create(runs.dir(), demo, preferences, runner, new FxUiThread());
        WorkbenchView v = new WorkbenchView(models, preferences.node());
        v.menus().setOnRunsChosen(this::switchRuns);
        v.menus().showRunsReason(runs.reason());
        // as `info` says it, for whoever started the window from a terminal
        System.out.println("Runs folder: " + models.runsRoot() + " (" + runs.reason() + ")");
        models.training().findResumableRun();
        models.runs().refresh();
        return v;
    }

    /**
     * Remembers the new runs folder (null: forgets the choice, back to what this start's --runs,
     * PDW_RUNS and working directory give) and rebuilds the panels on it: every view-model reads its
     * runs folder once, and a fresh set is simpler than re-pointing each.
     */
    private void switchRuns(Path dir) {
        RunsLocation.remember(RunsLocation.preferences(), dir);
        stop();
        view = newView(RunsLocation.afterChoice(dir, explicitRuns), TaskRunner.BACKGROUND);
        stage.getScene().setRoot(view.node());
    }

    /** Background work (the first cost readout loads the engine) starts once the window has been painted. */
    private static void releaseAfterFirstFrame(DeferredRunner runner) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    runner.release();
                }
            }
        }.start();
    }

    /** The window's content, for adding panels ({@link WorkbenchView#addPanel}). */
    public WorkbenchView view() {
        return view;
    }

    /** Remembers the choices and stops a run cleanly (its summary says "cancelled", so Resume finds it). */
    @Override
    public void stop() {
        if (view != null) {
            view.models().setup().savePreferences();
            view.models().training().shutdown(Duration.ofSeconds(20));
            view.models().detection().close();
        }
    }
}
