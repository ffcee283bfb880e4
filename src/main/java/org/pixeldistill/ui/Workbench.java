package org.pixeldistill.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Path runs = Path.of(named.getOrDefault("runs", RUNS_DIR.toString()));
        Path demo = Path.of(named.getOrDefault("data", DEMO_DATA.toString()));
        WorkbenchModels models = WorkbenchModels.create(runs, demo, SetupPreferences.user(), TaskRunner.BACKGROUND,
                new FxUiThread());
        view = new WorkbenchView(models);
        models.training().findResumableRun();
        stage.setTitle(TITLE);
        stage.setScene(new Scene(view.node(), 1280, 820));
        stage.show();
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
        }
    }
}
