package org.pixeldistill.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pixeldistill.core.util.Texts;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.train.StudentExport;
import org.pixeldistill.ui.common.BackgroundWork;
import org.pixeldistill.ui.common.LatestRequest;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/**
 * State and actions of the runs table: the rows of every run folder under the runs folder (costs
 * filled in as they are measured), the curves of the runs being compared, the details of the run
 * opened, and a one-line status. Loading runs on the task runner; every change is posted through
 * the UI thread.
 */
public final class RunsTableViewModel {
    /** Preferences node of the workbench, where the last export folder is remembered. */
    public static final String PREFS_NODE = "org/pixeldistill/workbench";
    static final String EXPORT_DIR_KEY = "runs.export_dir";

    private final RunCatalog catalog;
    private final BackgroundWork background;
    private final UiThread ui;
    private final Preferences prefs;
    private final ObservableList<RunEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<RunCurve> curves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Path> openedRun = new SimpleObjectProperty<>();
    /** A refresh started later makes the rows and costs of an earlier one stale. */
    private final LatestRequest loading;

    /** @param prefs where choices are remembered; null remembers nothing */
    public RunsTableViewModel(RunCatalog catalog, TaskRunner runner, UiThread ui, Preferences prefs) {
        this.catalog = catalog;
        this.background = new BackgroundWork(runner, ui);
        this.loading = background.latest("load runs");
        this.ui = ui;
        this.prefs = prefs;
    }

    /** Remembers choices under {@link #PREFS_NODE}. */
    public RunsTableViewModel(RunCatalog catalog, TaskRunner runner, UiThread ui) {
        this(catalog, runner, ui, Preferences.userRoot().node(PREFS_NODE));
    }

    public RunCatalog catalog() {
        return catalog;
    }

    /** One row per run folder, in folder order (the view sorts its own copy). */
    public ObservableList<RunEntry> rows() {
        return rows;
    }

    /** The curves of the last Compare. */
    public ObservableList<RunCurve> compareCurves() {
        return curves;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return loading.busyProperty();
    }

    /** config.yaml and summary.json of the run last opened. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The folder of the run last opened (the lead may react, e.g. show it in an inspection view). */
    public ObjectProperty<Path> openedRunProperty() {
        return openedRun;
    }

    /** Reloads every row from disk, then measures the costs row by row (cached across refreshes). */
    public void refresh() {
        refresh("");
    }

    /** @param note said before the summary when loading ends ("Deleted 2 runs. ") */
    private void refresh(String note) {
        ui.run(() -> {
            status.set("Loading runs from " + catalog.runsRoot() + " ...");
            loading.submitWithUpdates(updates -> {
                List<RunEntry> entries = new ArrayList<>(catalog.scan());
                List<RunEntry> unmeasured = List.copyOf(entries);
                updates.post(() -> rows.setAll(unmeasured));
                for (int i = 0; i < entries.size(); i++) {
                    RunEntry measured = catalog.withCost(entries.get(i));
                    entries.set(i, measured);
                    int index = i;
                    int done = i + 1;
                    updates.post(() -> {
                        if (index < rows.size() && rows.get(index).folder().equals(measured.folder())) {
                            rows.set(index, measured);
                        }
                        status.set("Measuring costs " + done + "/" + entries.size() + " ...");
                    });
                }
                return List.copyOf(entries);
            }, entries -> status.set(note + summary(entries)),
                    e -> status.set("Cannot load runs: " + Texts.oneLine(e)));
        });
    }

    static String summary(List<RunEntry> entries) {
        if (entries.isEmpty()) {
            return "No runs yet";
        }
        long unreadable = entries.stream().filter(e -> e.status().startsWith("unreadable")).count();
        List<RunEntry> noCost = entries.stream().filter(e -> e.readable() && e.cost() == null).toList();
        String text = entries.size() + (entries.size() == 1 ? " run" : " runs");
        if (unreadable > 0) text += ", " + unreadable + " unreadable";
        if (!noCost.isEmpty()) text += "; no costs for " + noCost.size() + ": " + noCost.get(0).costNote();
        return text;
    }

    /** Reads the learning curves of the selected runs into {@link #compareCurves}. */
    public void compare(List<RunEntry> selected) {
        if (selected.isEmpty()) {
            status.set("Select one or more runs to compare");
            return;
        }
        List<Path> folders = selected.stream().map(RunEntry::folder).toList();
        background.submit("compare runs", () -> folders.stream().map(RunCurve::read).toList(), read -> {
            List<String> empty = read.stream().filter(c -> c.top1().isEmpty()).map(c -> c.name() + ": " + c.note()).toList();
            curves.setAll(read);
            status.set("Comparing " + read.size() + (read.size() == 1 ? " run" : " runs")
                    + (empty.isEmpty() ? "" : "; no curve for " + String.join(", ", empty)));
        }, e -> status.set("Cannot compare: " + Texts.oneLine(e)));
    }

    /** Shows a run's config and summary in {@link #detailsProperty}. */
    public void open(RunEntry entry) {
        background.submit("open run", () -> RunDetails.text(entry.folder()), text -> {
            details.set(text);
            openedRun.set(entry.folder());
        }, e -> status.set("Cannot open " + entry.name() + ": " + Texts.oneLine(e)));
    }

    /** The question the confirmation dialog asks before {@link #delete}. */
    public String deleteQuestion(List<RunEntry> selected) {
        String names = String.join(", ", selected.stream().limit(5).map(RunEntry::name).toList())
                + (selected.size() > 5 ? ", ..." : "");
        String text = "Delete " + selected.size() + (selected.size() == 1 ? " run folder" : " run folders") + " ("
                + names + ") with their checkpoints? This cannot be undone.";
        if (selected.stream().anyMatch(e -> e.kind().equals("teacher") || e.kind().equals("assistant"))) {
            text += " Runs that need a deleted teacher or assistant will train it again.";
        }
        return text;
    }

    /**
     * Deletes the selected run folders when {@code confirmed} (the answer of the dialog), refusing
     * any folder not strictly inside the runs folder, then refreshes.
     */
    public RunDeletion.Result delete(List<RunEntry> selected, boolean confirmed) {
        if (!confirmed || selected.isEmpty()) {
            status.set("Nothing deleted");
            return new RunDeletion.Result(0, List.of());
        }
        RunDeletion.Result result = RunDeletion.delete(catalog, selected.stream().map(RunEntry::folder).toList());
        refresh("Deleted " + result.deleted() + (result.deleted() == 1 ? " run" : " runs")
                + (result.refused().isEmpty() ? "" : "; refused: " + String.join("; ", result.refused())) + ". ");
        return result;
    }

    /** Writes the given rows (the table's order) as CSV, atomically; errors go to the status line. */
    public boolean exportCsv(Path file, List<RunEntry> inTableOrder) {
        try {
            RunsCsv.write(file, inTableOrder);
            if (prefs != null && file.toAbsolutePath().getParent() != null) {
                prefs.put(EXPORT_DIR_KEY, file.toAbsolutePath().getParent().toString());
            }
            status.set("Exported " + inTableOrder.size() + " rows to " + file);
            return true;
        } catch (RuntimeException e) {
            status.set("Cannot export: " + Texts.oneLine(e));
            return false;
        }
    }

    /**
     * Writes the run's student (or single model) alone, best checkpoint, as safetensors under
     * torchvision/timm names with its JSON beside it, in the background; the status line says
     * where it went or why it could not.
     */
    public void exportStudent(RunEntry entry, Path file) {
        status.set("Exporting " + entry.name() + " ...");
        background.submit("export student", () -> StudentExport.export(RunFolder.open(entry.folder()), "best", file),
                done -> {
                    if (prefs != null && file.toAbsolutePath().getParent() != null) {
                        prefs.put(EXPORT_DIR_KEY, file.toAbsolutePath().getParent().toString());
                    }
                    status.set("Exported the " + done.info().stage() + " of " + entry.name() + " to " + file + " and "
                            + done.json().getFileName());
                }, e -> status.set("Cannot export " + entry.name() + ": " + Texts.oneLine(e)));
    }

    /** The folder of the last CSV export, where the file chooser starts; null if none. */
    public Path exportDirectory() {
        String dir = prefs == null ? null : prefs.get(EXPORT_DIR_KEY, null);
        return dir == null ? null : Path.of(dir);
    }
}
