package org.pixeldistill.ui.pareto;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.util.Texts;
import org.pixeldistill.ui.common.BackgroundWork;
import org.pixeldistill.ui.common.LatestRequest;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;
import org.pixeldistill.ui.runs.RunCatalog;
import org.pixeldistill.ui.runs.RunEntries;
import org.pixeldistill.ui.runs.RunEntry;

/**
 * State of the Pareto chart: every finished run as (cost on the chosen axis, mean best top-1), the
 * runs on the Pareto front, the run the user clicked, and a what-if configuration with its measured
 * cost and interpolated accuracy. The axis, the log scale and the what-if method are remembered.
 */
public final class ParetoViewModel {
    public static final String PREFS_NODE = "org/pixeldistill/workbench";
    static final String AXIS_KEY = "pareto.axis";
    static final String LOG_KEY = "pareto.log";
    static final String METHOD_KEY = "pareto.whatif_method";
    static final String EXPORT_DIR_KEY = "pareto.export_dir";

    private final RunCatalog catalog;
    /** Loading the runs folder; a later refresh makes an earlier one's rows stale. */
    private final LatestRequest loading;
    /** Measuring the what-if's cost; a later what-if (or none) makes an earlier one stale. */
    private final LatestRequest measuring;
    private final UiThread ui;
    private final Preferences prefs;
    private List<RunEntry> entries = List.of();
    private final ObjectProperty<CostAxis> axis = new SimpleObjectProperty<>(CostAxis.KB_JPEG);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    /** Which runs the chart compares: classifiers (top-1) or detectors (mAP50); never both on one axis. */
    private final BooleanProperty detectors = new SimpleBooleanProperty(false);
    private final StringProperty whatIfMethod = new SimpleStringProperty("isrd");
    private final ObservableList<ParetoPoint> points = FXCollections.observableArrayList();
    private final ObservableList<ParetoPoint> front = FXCollections.observableArrayList();
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObjectProperty<Path> selectedRun = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<WhatIfPoint> whatIf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper whatIfLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private BackboneSpec whatIfSpec;
    private String whatIfDataset;
    private CostReport whatIfCost;

    /** @param prefs where the axis, log scale and what-if method are remembered; null remembers nothing */
    public ParetoViewModel(RunCatalog catalog, TaskRunner runner, UiThread ui, Preferences prefs) {
        this.catalog = catalog;
        BackgroundWork background = new BackgroundWork(runner, ui);
        this.loading = background.latest("load runs for the Pareto chart");
        this.measuring = background.latest("what-if cost");
        this.ui = ui;
        this.prefs = prefs;
        if (prefs != null) {
            try {
                axis.set(CostAxis.valueOf(prefs.get(AXIS_KEY, CostAxis.KB_JPEG.name())));
            } catch (IllegalArgumentException e) {
                axis.set(CostAxis.KB_JPEG); // a name from another version: the default will do
            }
            logScale.set(prefs.getBoolean(LOG_KEY, false));
            whatIfMethod.set(prefs.get(METHOD_KEY, "isrd"));
        }
        axis.addListener((o, a, b) -> changed(AXIS_KEY, b == null ? null : b.name()));
        logScale.addListener((o, a, b) -> changed(LOG_KEY, b.toString()));
        detectors.addListener((o, a, b) -> rebuild());
        whatIfMethod.addListener((o, a, b) -> changed(METHOD_KEY, b));
    }

    /** Remembers choices under {@link #PREFS_NODE}. */
    public ParetoViewModel(RunCatalog catalog, TaskRunner runner, UiThread ui) {
        this(catalog, runner, ui, Preferences.userRoot().node(PREFS_NODE));
    }

    private void changed(String key, String value) {
        if (prefs != null && value != null) {
            prefs.put(key, value);
        }
        rebuild();
    }

    public ObjectProperty<CostAxis> axisProperty() {
        return axis;
    }

    /** Plot log10 of the cost (costs span orders of magnitude across input sizes). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Detectors (their mAP50) instead of classifiers (their top-1): the two scores share no axis. */
    public BooleanProperty detectorsProperty() {
        return detectors;
    }

    /** The method family the what-if prediction interpolates within (isrd, kd, baseline, ...). */
    public StringProperty whatIfMethodProperty() {
        return whatIfMethod;
    }

    /** Finished runs with a cost, in catalog order. */
    public ObservableList<ParetoPoint> points() {
        return points;
    }

    /** The Pareto front, cost ascending. */
    public ObservableList<ParetoPoint> front() {
        return front;
    }

    /** Method families of the runs on the chart, sorted. */
    public ObservableList<String> methods() {
        return methods;
    }

    /** The run folder of the point last clicked; the lead may set it too. */
    public ObjectProperty<Path> selectedRunProperty() {
        return selectedRun;
    }

    /** The what-if configuration once its cost is measured (null before); drawn when {@link WhatIfPoint#drawable}. */
    public ReadOnlyObjectProperty<WhatIfPoint> whatIfProperty() {
        return whatIf.getReadOnlyProperty();
    }

    /** "predicted 82.3% at 29 KB", "no runs to interpolate from ...", "" without a what-if. */
    public ReadOnlyStringProperty whatIfLabelProperty() {
        return whatIfLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Loads the runs folder (with costs) on the task runner, then redraws. */
    public void refresh() {
        ui.run(() -> {
            status.set("Loading runs ...");
            loading.submit(catalog::load, this::setEntries, e -> status.set("Cannot load runs: " + Texts.oneLine(e)));
        });
    }

    /** Uses rows loaded elsewhere (the runs table's), on the UI thread. */
    public void setEntries(List<RunEntry> newEntries) {
        entries = List.copyOf(newEntries);
        Set<String> found = entries.stream().filter(RunEntry::finished).map(RunEntry::method)
                .collect(Collectors.toCollection(TreeSet::new));
        methods.setAll(found);
        rebuild();
    }

    /**
     * Follows rows loaded elsewhere (the runs table's {@code rows()}): every change, including each
     * cost measured, redraws the chart, so one refresh of the table serves both. Call on the UI thread.
     */
    public void follow(ObservableList<RunEntry> rows) {
        rows.addListener((ListChangeListener<RunEntry>) c -> setEntries(List.copyOf(rows)));
        setEntries(List.copyOf(rows));
    }

    /** Where a cost is drawn on the current axis. */
    public double x(double cost) {
        return logScale.get() ? Math.log10(cost) : cost;
    }

    /** The cost a drawn x stands for (axis tick labels). */
    public double costAt(double x) {
        return logScale.get() ? Math.pow(10, x) : x;
    }

    public String axisLabel() {
        return axis.get().label() + (logScale.get() ? " (log scale)" : "");
    }

    private void rebuild() {
        List<RunEntry> shown = entries.stream()
                .filter(e -> (e.config() != null && e.config().isDetection()) == detectors.get()).toList();
        ParetoPlot plot = ParetoPlot.of(shown, axis.get(), logScale.get());
        points.setAll(plot.points());
        front.setAll(plot.front());
        status.set(plot.status());
        updateWhatIf();
    }

    /** Marks the point's run as the selected one. */
    public void select(ParetoPoint point) {
        selectedRun.set(point.entry().folder());
    }

    /** The tooltip of a point: what was trained and what it reached at what cost. */
    public String describe(ParetoPoint p) {
        RunEntry e = p.entry();
        return String.format(Locale.ROOT, "%s%n%s x%s at %d px, %s%ntop-1 %.2f%% ± %.2f%n%s%s", e.name(), e.backbone(),
                CostAxis.number(e.width()), e.inputSize(), e.method(), e.bestTop1(),
                Double.isNaN(e.bestTop1Std()) ? 0.0 : e.bestTop1Std(), axis.get().format(p.cost()),
                p.onFront() ? "\non the Pareto front" : "");
    }

    /**
     * A proposed configuration (from the set-up's sliders): its cost is measured on the task runner
     * (cached), its accuracy interpolated along input size between finished runs of the same
     * backbone, width, method ({@link #whatIfMethodProperty}) and data set.
     *
     * @param datasetKey {@link org.pixeldistill.core.cost.CostModel#datasetKey}; null matches runs on any data
     * @param test the test images the bytes are measured on (opened only if not cached)
     */
    public void setWhatIf(BackboneSpec spec, String datasetKey, Supplier<ImageDataset> test) {
        setWhatIf(spec, datasetKey, datasetKey, test);
    }

    /**
     * As {@link #setWhatIf(BackboneSpec, String, Supplier)}, with the images' key for measuring the
     * bytes ({@code costKey}) apart from the data set whose runs are interpolated ({@code matchKey},
     * null for runs on any data set: a run's key also carries its test limit).
     */
    public void setWhatIf(BackboneSpec spec, String costKey, String matchKey, Supplier<ImageDataset> test) {
        ui.run(() -> {
            whatIfSpec = spec;
            whatIfDataset = matchKey;
            whatIfCost = null;
            whatIf.set(null);
            whatIfLabel.set("measuring the cost of " + spec.name() + " at " + spec.inputSize() + " px ...");
            measuring.submit(() -> catalog.costs().of(spec, costKey, test), report -> {
                whatIfCost = report;
                updateWhatIf();
            }, e -> whatIfLabel.set("cannot measure the what-if cost: " + Texts.oneLine(e)));
        });
    }

    public void clearWhatIf() {
        measuring.cancel();
        whatIfSpec = null;
        whatIfCost = null;
        whatIf.set(null);
        whatIfLabel.set("");
    }

    private void updateWhatIf() {
        if (whatIfSpec == null || whatIfCost == null) {
            return; // nothing asked, or still measuring (the label says so)
        }
        WhatIfPoint placed = WhatIfPoint.place(entries, whatIfSpec, whatIfDataset, whatIfMethod.get(), whatIfCost,
                axis.get(), logScale.get());
        whatIf.set(placed);
        whatIfLabel.set(placed.label());
    }

    /** The folder of the last PNG export, where the file chooser starts; null if none. */
    public Path exportDirectory() {
        String dir = prefs == null ? null : prefs.get(EXPORT_DIR_KEY, null);
        return dir == null ? null : Path.of(dir);
    }

    /** Writes a chart image as PNG, atomically; false (and a status line) when it cannot. */
    public boolean exportPng(Path file, BufferedImage image) {
        try {
            PngFiles.write(file, image);
            if (prefs != null && file.toAbsolutePath().getParent() != null) {
                prefs.put(EXPORT_DIR_KEY, file.toAbsolutePath().getParent().toString());
            }
            status.set("Chart saved to " + file);
            return true;
        } catch (RuntimeException e) {
            status.set("Cannot save the chart: " + Texts.oneLine(e));
            return false;
        }
    }
}
