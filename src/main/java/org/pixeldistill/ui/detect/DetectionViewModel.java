package org.pixeldistill.ui.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pixeldistill.core.detect.DetectionInspection;
import org.pixeldistill.core.detect.DetectionInspector;
import org.pixeldistill.core.util.Texts;
import org.pixeldistill.ui.common.BackgroundWork;
import org.pixeldistill.ui.common.LatestRequest;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/**
 * State of the Detection view, "what does my low-resolution camera still find": the chosen
 * finished detector run, opened in the background with a {@link DetectionInspector}; the test
 * image shown; the score threshold (0..1) that filters both networks' boxes without running them
 * again; whether ground truth is drawn; the per-class AP table and a one-line status. Every state
 * change is posted through the {@link UiThread}; opening and inspecting run on the
 * {@link TaskRunner} as {@link LatestRequest}s: results for a run or image no longer chosen are dropped.
 *
 * <p>Threshold, ground-truth toggle, last run and export folder are remembered in the given
 * preferences node when there is one.
 */
public final class DetectionViewModel {
    public static final double DEFAULT_THRESHOLD = 0.3;
    /** The workbench's preferences node (tests pass their own, or none). */
    public static final String PREFERENCES_NODE = "org/pixeldistill/workbench";

    private final Path runsRoot;
    private final BackgroundWork background;
    /** Opening and inspecting: a run or image chosen later makes the earlier request's result stale. */
    private final LatestRequest request;
    private final Preferences prefs;
    private final float scoreFloor;
    private final InspectorSession session;
    private boolean adopting;

    private final ObservableList<DetectorRunChoice> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Path> runFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>();
    private final ObservableList<Integer> seeds = FXCollections.observableArrayList();
    private final ObjectProperty<String> largeFrom = new SimpleObjectProperty<>();
    private final ObservableList<String> largeRoles = FXCollections.observableArrayList();
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper imageCount = new ReadOnlyIntegerWrapper(0);
    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final BooleanProperty showTruth = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<DetectionInspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DetectionInspection> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ApRow> apRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a detector run.");
    private final ObjectProperty<String> exportDirectory = new SimpleObjectProperty<>("");

    /** The workbench's view: boxes down to 0.05, choices remembered under {@value #PREFERENCES_NODE}. */
    public DetectionViewModel(Path runsRoot, TaskRunner tasks, UiThread ui) {
        this(runsRoot, tasks, ui, Preferences.userRoot().node(PREFERENCES_NODE), DetectionInspector.SCORE_FLOOR);
    }

    /**
     * @param prefs where choices are remembered, or null to remember nothing
     * @param scoreFloor lowest score the inspector reports (the threshold cannot show less sure boxes)
     */
    public DetectionViewModel(Path runsRoot, TaskRunner tasks, UiThread ui, Preferences prefs, float scoreFloor) {
        this.runsRoot = runsRoot;
        this.background = new BackgroundWork(tasks, ui);
        this.request = background.latest("detection");
        this.prefs = prefs;
        this.scoreFloor = scoreFloor;
        this.session = new InspectorSession(scoreFloor);
        if (prefs != null) {
            threshold.set(Math.max(0, Math.min(1, prefs.getDouble("detection.threshold", DEFAULT_THRESHOLD))));
            showTruth.set(prefs.getBoolean("detection.showTruth", true));
            exportDirectory.set(prefs.get("detection.exportDirectory", ""));
        }
        runFolder.addListener((o, a, b) -> open(b, null, null, 0));
        seed.addListener((o, a, b) -> {
            if (!adopting && b != null && !b.equals(a) && runFolder.get() != null) {
                open(runFolder.get(), b, largeFrom.get(), index.get()); // another seed's student, same test image
            }
        });
        largeFrom.addListener((o, a, b) -> {
            if (!adopting && b != null && !b.equals(a) && runFolder.get() != null) {
                open(runFolder.get(), seed.get(), b, index.get()); // the teacher instead of the assistant, or back
            }
        });
        index.addListener((o, a, b) -> {
            if (!adopting) {
                inspect(b.intValue());
            }
        });
        threshold.addListener((o, a, b) -> {
            remember("detection.threshold", b.toString());
            applyThreshold();
        });
        showTruth.addListener((o, a, b) -> remember("detection.showTruth", b.toString()));
        exportDirectory.addListener((o, a, b) -> remember("detection.exportDirectory", b == null ? "" : b));
    }

    /** The demo detector the empty tab offers to train (teacher, assistant and AFP student on scenes). */
    public static final Path DEMO_CONFIG = Path.of("sample-configs", "demo-scenes-afp-tas.yaml");

    /** What the tab says while there is no detector run: which demo trains one, and how long it takes. */
    static String emptyText(Path runsRoot) {
        return "No detector run under " + runsRoot + " yet. The demo detector, " + DEMO_CONFIG
                + " (a teacher, an assistant and an AFP student on generated scenes), trains in about 16 min on"
                + " 2 CPU cores: \"Train the demo detector\" below, or any config with a detect section through"
                + " Train config….";
    }

    /** Looks for detector runs under the runs folder in the background; reselects the remembered one. */
    public void refresh() {
        background.submit("detection-runs", () -> DetectorRuns.find(runsRoot), found -> {
                runs.setAll(found);
                if (runFolder.get() == null) {
                    String last = prefs == null ? "" : prefs.get("detection.run", "");
                    found.stream().filter(c -> c.dir().toString().equals(last)).findFirst()
                            .ifPresent(c -> runFolder.set(c.dir()));
                }
                if (runFolder.get() == null) {
                    status.set(found.isEmpty() ? emptyText(runsRoot) : found.size() + " detector run(s) found: choose one.");
                }
        }, e -> status.set("Cannot look for detector runs: " + Texts.oneLine(e)));
    }

    /** Shows the previous test image (wraps around). */
    public void previous() {
        step(-1);
    }

    /** Shows the next test image (wraps around). */
    public void next() {
        step(1);
    }

    private void step(int delta) {
        int n = imageCount.get();
        if (n > 0) {
            index.set(Math.floorMod(index.get() + delta, n));
        }
    }

    /**
     * Opens seed {@code wanted} (null: the first) of {@code dir} with its large view from {@code role}
     * (null: the default), showing test image {@code at} when it exists.
     */
    private void open(Path dir, Integer wanted, String role, int at) {
        inspection.set(null);
        shown.set(null);
        facts.set(null);
        apRows.clear();
        imageCount.set(0);
        if (wanted == null) {
            adopting = true;
            seeds.clear();
            seed.set(null);
            largeRoles.clear();
            largeFrom.set(null);
            adopting = false;
        }
        if (dir == null) {
            status.set("Choose a detector run.");
            close();
            return;
        }
        remember("detection.run", dir.toString());
        status.set("Opening " + dir.getFileName() + "…");
        request.submit(() -> {
            InspectorSession.Opened opened = session.open(dir, wanted, role);
            int first = at > 0 && at < opened.facts().imageCount() ? at : 0;
            return new OpenedAt(opened, first, first == 0 ? opened.first() : session.inspect(first));
        }, this::adopt, e -> status.set("Cannot open " + dir.getFileName() + ": " + Texts.oneLine(e)));
    }

    /** A run just opened, with the test image to show first. */
    private record OpenedAt(InspectorSession.Opened opened, int index, DetectionInspection inspection) {}

    private void adopt(OpenedAt o) {
        RunFacts f = o.opened().facts();
        facts.set(f);
        imageCount.set(f.imageCount());
        adopting = true;
        index.set(o.index());
        seeds.setAll(f.seeds());
        seed.set(f.seed());
        largeRoles.setAll(f.largeRoles());
        largeFrom.set(f.hasTeacher() ? f.teacherRole() : null);
        adopting = false;
        show(o.inspection());
        status.set(String.format(Locale.ROOT, "Opened %s in %.1f s: %d test images%s", f.runName(),
                o.opened().seconds(), f.imageCount(),
                f.apRecorded() ? "" : " (AP computed on opening: the run's metrics.csv has none)"));
    }

    private void inspect(int i) {
        if (i < 0 || i >= imageCount.get()) {
            return;
        }
        request.submit(() -> session.inspect(i), x -> {
            if (x != null) {
                show(x);
            }
        }, e -> status.set("Test image " + i + " cannot be shown: " + Texts.oneLine(e)));
    }

    private void show(DetectionInspection x) {
        inspection.set(x);
        applyThreshold();
    }

    private void applyThreshold() {
        DetectionInspection x = inspection.get();
        DetectionInspection filtered = x == null ? null : x.atThreshold(threshold.get());
        shown.set(filtered);
        RunFacts f = facts.get();
        apRows.setAll(filtered == null || f == null ? List.of() : ApRows.of(filtered, f.classNames()));
    }

    /** Closes the open run's networks (the workbench calls this when its window closes). */
    public void close() {
        request.cancel();
        background.submit("detection-close", () -> {
            session.close();
            return null;
        }, done -> {}, e -> status.set("Cannot close the run: " + Texts.oneLine(e)));
    }

    private void remember(String key, String value) {
        if (prefs != null) {
            prefs.put(key, value);
        }
    }

    /**
     * Writes the per-class table as shown (this image, this threshold) to {@code file} as CSV and
     * remembers its folder; the status line says how it went. False when nothing is open or the
     * write failed (the file is then untouched: it is written whole or not at all).
     */
    public boolean exportApCsv(Path file) {
        RunFacts f = facts.get();
        if (f == null || apRows.isEmpty()) {
            status.set("Nothing to export: open a detector run first.");
            return false;
        }
        try {
            ApCsv.write(file, f, index.get(), threshold.get(), List.copyOf(apRows));
            if (file.toAbsolutePath().getParent() != null) {
                exportDirectory.set(file.toAbsolutePath().getParent().toString());
            }
            status.set("Exported the AP table (" + apRows.size() + " classes) to " + file.getFileName());
            return true;
        } catch (RuntimeException e) {
            status.set("Export failed: " + Texts.oneLine(e));
            return false;
        }
    }

    /** Sets the status line (the view reports export results here); call on the UI thread. */
    public void report(String line) {
        status.set(line);
    }

    /** Detector runs found by the last {@link #refresh}. */
    public ObservableList<DetectorRunChoice> runs() {
        return runs;
    }

    /** What the run chooser shows for a folder: its label when it was found, else its name. */
    public String labelOf(Path dir) {
        if (dir == null) {
            return "";
        }
        return runs.stream().filter(c -> c.dir().equals(dir)).map(DetectorRunChoice::label).findFirst()
                .orElse(dir.getFileName().toString());
    }

    /** The run folder inspected; setting it opens the run in the background. */
    public ObjectProperty<Path> runFolderProperty() {
        return runFolder;
    }

    /** The seed whose student is shown (null until a run is open); choosing another reopens the run with it. */
    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }

    /** Whose boxes the large view shows, "assistant" or "teacher" (null: the run has neither); choosing reopens. */
    public ObjectProperty<String> largeFromProperty() {
        return largeFrom;
    }

    /** What the large view can show for the open run. */
    public ObservableList<String> largeRoles() {
        return largeRoles;
    }

    /** The seeds the open run trained. */
    public ObservableList<Integer> seeds() {
        return seeds;
    }

    /** 0-based index of the test image shown. */
    public IntegerProperty indexProperty() {
        return index;
    }

    /** Test images of the open run (0 when none is open). */
    public ReadOnlyIntegerProperty imageCountProperty() {
        return imageCount.getReadOnlyProperty();
    }

    /** Boxes scoring below this are hidden (0..1, default {@value #DEFAULT_THRESHOLD}). */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public BooleanProperty showTruthProperty() {
        return showTruth;
    }

    /** The current image with every detection down to the score floor. */
    public ReadOnlyObjectProperty<DetectionInspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** The current image with only the detections at or above the threshold: what is drawn. */
    public ReadOnlyObjectProperty<DetectionInspection> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Names, sizes and roles of the open run, for captions; null when none is open. */
    public ReadOnlyObjectProperty<RunFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** One row per class of the open run. */
    public ObservableList<ApRow> apRows() {
        return apRows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a run is being opened or an image inspected. */
    public ReadOnlyBooleanProperty busyProperty() {
        return request.busyProperty();
    }

    /** The folder the last PNG or CSV was exported to ("" = none yet). */
    public ObjectProperty<String> exportDirectoryProperty() {
        return exportDirectory;
    }

    public float scoreFloor() {
        return scoreFloor;
    }
}
