package org.pixeldistill.ui.pareto;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.pixeldistill.core.sweep.slurm.SlurmClient;
import org.pixeldistill.core.sweep.slurm.SlurmPlanFile;
import org.pixeldistill.core.sweep.slurm.SweepStatus;

/**
 * A Slurm sweep's jobs as {@code sweep --status} lists them (the same core reader), refreshed every
 * few seconds while the window is open; each refresh also re-reads the runs folder, so the Pareto
 * chart fills as cells finish.
 */
final class SweepStatusWindow {
    private static final int REFRESH_SECONDS = 5;

    private SweepStatusWindow() {}

    /** Asks for a sweep folder (one with slurm/plan.json) and opens its status window. */
    static void choose(Node owner, Path startIn, Runnable onRefresh) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a Slurm sweep folder (runs/sweeps/<name>)");
        if (startIn != null && startIn.toFile().isDirectory()) {
            chooser.setInitialDirectory(startIn.toFile());
        }
        File dir = chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (dir != null) {
            open(dir.toPath(), onRefresh);
        }
    }

    static Stage open(Path sweepDir, Runnable onRefresh) {
        Content content = content(sweepDir, onRefresh);
        Stage stage = new Stage();
        stage.setTitle("Sweep status: " + sweepDir.getFileName());
        stage.setScene(new Scene(content.root(), 840, 360));
        stage.setOnHidden(e -> content.stop().run());
        stage.show();
        return stage;
    }

    /** The window's table and note, refreshing until {@code stop} runs. */
    record Content(BorderPane root, Runnable stop) {}

    static Content content(Path sweepDir, Runnable onRefresh) {
        TableView<SweepStatus.Line> table = new TableView<>();
        table.setId("sweepStatusTable");
        table.getColumns().add(column("job", SweepStatus.Line::name, 220));
        table.getColumns().add(column("kind", SweepStatus.Line::kind, 80));
        table.getColumns().add(column("job id", l -> l.jobId() == null ? "-" : l.jobId(), 90));
        table.getColumns().add(column("state", SweepStatus.Line::state, 90));
        table.getColumns().add(column("detail", l -> l.score() != null
                ? String.format(java.util.Locale.ROOT, "best %.2f%%", l.score()) : l.detail(), 320));
        Label note = new Label();
        note.setId("sweepStatusNote");
        BorderPane root = new BorderPane(table);
        root.setBottom(note);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sweep-status");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            String message;
            List<SweepStatus.Line> lines = null;
            try {
                lines = SweepStatus.read(sweepDir, queue());
                message = "read " + java.time.LocalTime.now().withNano(0) + " from squeue and the cells' records of "
                        + SlurmPlanFile.folderOf(sweepDir);
            } catch (RuntimeException e) {
                message = "cannot read the sweep: " + e.getMessage();
            }
            List<SweepStatus.Line> shown = lines;
            String text = message;
            Platform.runLater(() -> {
                if (shown != null) {
                    table.setItems(FXCollections.observableArrayList(shown));
                }
                note.setText(text);
                onRefresh.run();
            });
        }, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
        return new Content(root, timer::shutdownNow);
    }

    /** The queue when squeue answers; without it (not a login node) the cells' records still tell most. */
    private static Map<String, SlurmClient.QueueEntry> queue() {
        try {
            return new SlurmClient().queue();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static TableColumn<SweepStatus.Line, String> column(String title,
            java.util.function.Function<SweepStatus.Line, String> value, double width) {
        TableColumn<SweepStatus.Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
