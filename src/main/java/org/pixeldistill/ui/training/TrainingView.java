package org.pixeldistill.ui.training;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;
import org.pixeldistill.ui.common.OpenDialog;

/**
 * The bottom bar: Start, Stop and Resume, the stage's progress bar with its line (epoch, batch,
 * time left) and the status line. A failure shows its one line in a dialog as well.
 */
public final class TrainingView {
    private final TrainingViewModel vm;
    private final VBox root;
    private boolean dialogs = true;
    /** Asks which config file to train, given the folder to start in; null = cancelled. Tests replace it. */
    private Function<Path, Path> configChooser = this::askForConfig;

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        Button start = button("Start", "train-start", "Train the setup on the left: the teacher first when it is not"
                + " trained yet, then the student. Records go to a new folder under runs/.");
        start.disableProperty().bind(vm.runningProperty().or(vm.setupInvalidProperty()));
        start.setOnAction(e -> vm.start());
        Button stop = button("Stop", "train-stop", "Stop after the current batch. The last completed epoch is saved;"
                + " Resume continues from there.");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        Button resume = button("Resume", "train-resume", "Continue the last stopped run from its last completed epoch.");
        resume.disableProperty().bind(vm.runningProperty().or(vm.resumableRunProperty().isNull()));
        resume.setOnAction(e -> vm.resume());

        Button file = button("Train config…", "train-config", "Train a YAML run config, as `train --config FILE` does on"
                + " the command line: anything the command line runs, detectors and AFP through TAS included (see"
                + " sample-configs/). Its records go to the runs folder (Runs menu) and show in the Runs, Pareto and Detection tabs.");
        file.disableProperty().bind(vm.runningProperty());
        file.setOnAction(e -> {
            Path chosen = configChooser.apply(vm.configStartDirectory(Path.of("")));
            if (chosen != null) {
                vm.startFile(chosen);
            }
        });

        ProgressBar bar = new ProgressBar(0);
        bar.setId("train-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label progress = new Label();
        progress.setId("train-stage");
        progress.textProperty().bind(vm.progressTextProperty());
        progress.setMinWidth(0);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox controls = new HBox(8, start, stop, resume, file, bar);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("train-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        root = new VBox(4, controls, progress, status);
        root.setPadding(new Insets(6, 8, 6, 8));
        root.setId("training-bar");
        root.setStyle("-fx-border-color: -fx-box-border; -fx-border-width: 1 0 0 0;");

        // the window's focus feeds the view-model, which decides when a finished run deserves a notification
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> {
                    if (window != null) {
                        vm.windowFocusedProperty().bind(window.focusedProperty());
                    }
                });
            }
        });
        vm.noticeProperty().addListener((o, was, notice) -> {
            if (notice != null && dialogs && root.getScene() != null && root.getScene().getWindow() != null) {
                Notifications.create().title(notice.title()).text(notice.text())
                        .owner(root.getScene().getWindow()).showInformation();
            }
        });
        vm.failureProperty().addListener((o, was, failure) -> {
            if (failure != null && dialogs) {
                showFailure(failure);
            }
        });
    }

    public Parent node() {
        return root;
    }

    /** Replaces the open dialog of "Train config…" (tests answer without a dialog). */
    public void setConfigChooser(Function<Path, Path> chooser) {
        configChooser = chooser;
    }

    /** Whether failures also open a dialog (on by default; the status line always shows them). */
    public void setDialogs(boolean show) {
        dialogs = show;
    }

    private void showFailure(TrainingViewModel.Failure failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, failure.message());
        alert.setHeaderText(failure.started() ? "The run could not go on" : "The run could not start");
        alert.setTitle("Training");
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.getDialogPane().setId("training-error");
        // show(), not showAndWait(): the failure arrives from a posted event, and nothing waits on the answer.
        alert.show();
    }

    private Path askForConfig(Path startIn) {
        return OpenDialog.yaml(root, "Train a run config", startIn);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(72);
        return b;
    }
}
