package org.pixeldistill.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The window's menu bar: Runs (where runs go: shown, opened in the file manager, changed) and
 * Help > About. Kept apart from {@link WorkbenchView} so that other menus can be added beside it.
 */
public final class WorkbenchMenus {
    private final MenuBar bar = new MenuBar();
    private final WorkbenchModels models;
    private final Path demoData;
    /** What choosing another runs folder does (the app rebuilds its panels; null: nothing). */
    private Consumer<Path> onRunsChosen;
    private final MenuItem where = new MenuItem();
    /** Why the runs folder is this one (RunsLocation's reason), or null when not known (tests). */
    private String runsReason;

    public WorkbenchMenus(WorkbenchModels models, Path demoData) {
        this.models = models;
        this.demoData = demoData;
        bar.setId("workbench-menus");
        bar.getMenus().addAll(runsMenu(), helpMenu());
    }

    private Menu runsMenu() {
        where.setText("Runs go to " + models.runsRoot().toAbsolutePath());
        where.setId("menu-runs-folder");
        where.setDisable(true);
        MenuItem open = new MenuItem("Open runs folder");
        open.setId("menu-open-runs");
        open.setOnAction(e -> FolderOpener.open(models.runsRoot(), message -> Platform.runLater(() ->
                new Alert(Alert.AlertType.WARNING, message).show())));
        MenuItem change = new MenuItem("Change runs folder…");
        change.setId("menu-change-runs");
        change.setOnAction(e -> chooseRuns(bar.getScene() == null ? null : bar.getScene().getWindow()));
        MenuItem reset = new MenuItem("Use the default runs folder");
        reset.setId("menu-default-runs");
        reset.setOnAction(e -> runsChosen(null));
        Menu menu = new Menu("Runs", null, where, open, new SeparatorMenuItem(), change, reset);
        menu.setId("menu-runs");
        return menu;
    }

    private Menu helpMenu() {
        MenuItem about = new MenuItem("About");
        about.setId("menu-about");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("Help", null, about);
        help.setId("menu-help");
        return help;
    }

    private void chooseRuns(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for runs");
        File current = models.runsRoot().toAbsolutePath().toFile();
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            runsChosen(dir.toPath());
        }
    }

    /** A new runs folder (null: back to the default); refused while a run trains, since it writes there. */
    void runsChosen(Path dir) {
        if (models.training().runningProperty().get()) {
            new Alert(Alert.AlertType.INFORMATION, "Stop the running training first: it writes into the current"
                    + " runs folder.").show();
            return;
        }
        if (onRunsChosen != null) {
            onRunsChosen.accept(dir);
        }
    }

    /** Names the rule that chose the runs folder, beside it in the Runs menu and in the About box. */
    public void showRunsReason(String reason) {
        runsReason = reason;
        where.setText("Runs go to " + models.runsRoot().toAbsolutePath() + (reason == null ? "" : " (" + reason + ")"));
    }

    public void setOnRunsChosen(Consumer<Path> action) {
        onRunsChosen = action;
    }

    /** Opens the About box (the engine facts are read on the UI thread: the engine is loaded by then). */
    public void showAbout() {
        Window owner = bar.getScene() == null ? null : bar.getScene().getWindow();
        AboutBox.dialog(owner, AboutFacts.of(models.runsRoot(), runsReason, demoData)).show();
    }

    public MenuBar node() {
        return bar;
    }
}
