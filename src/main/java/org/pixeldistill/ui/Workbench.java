package org.pixeldistill.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pixeldistill.ui.common.FxUiThread;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.setup.SetupPreferences;

/**
 * The JavaFX workbench. Started by {@link WorkbenchLauncher} (the jar's main class must not be an
 * Application). Named parameters {@code --runs=DIR} and {@code --data=DIR} move the runs folder and
 * the demo data from their defaults under the working directory.
 */
public class Workbench extends Application {
    public static final String TITLE = "Pixel Distillation Workbench";
    /** Where runs, cached teachers and the setup's teacher configs go. */
    public static final Path RUNS_DIR = Path.of("runs");
    /** The committed demo data, relative to the project folder the README runs from. */
    public static final Path DEMO_DATA = Path.of("assets", "fashion-mnist");

    private WorkbenchView view;
    private WindowPlacement placement;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Path runs = Path.of(named.getOrDefault("runs", RUNS_DIR.toString()));
        Path demo = Path.of(named.getOrDefault("data", DEMO_DATA.toString()));
        DeferredRunner runner = new DeferredRunner(TaskRunner.BACKGROUND);
        SetupPreferences preferences = SetupPreferences.user();
        WorkbenchModels models = WorkbenchModels.create(runs, demo, preferences, runner, new FxUiThread());
        view = new WorkbenchView(models, preferences.node());
        models.training().findResumableRun();
        models.runs().refresh();
        stage.setTitle(TITLE);
        // maximised the first time; after that, as it was left
        placement = new WindowPlacement(preferences.node());
        double[] size = placement.sceneSize();
        stage.setScene(new Scene(view.node(), size[0], size[1]));
        placement.restore(stage);
        stage.setOnHidden(e -> placement.save(stage));
        stage.show();
        releaseAfterFirstFrame(runner);
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
