package org.pixeldistill.ui.pareto;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
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
 * cost and interpolated accuracy. Runs that differ only in their seeds are one point with the mean
 * and spread of all their seeds ({@link SeedGroups}); points at the same cost are drawn side by
 * side and the axes fitted to the data ({@link #layoutProperty}). A bandwidth budget (link speed
 * and images per second) is a line on the byte and time axes, and the most accurate configuration
 * within it is named ({@link #budgetLabelProperty}). The axis, the log scale, the what-if method
 * and the budget are remembered.
 */
public final class ParetoViewModel {
    public static final String PREFS_NODE = "org/pixeldistill/workbench";
    static final String AXIS_KEY = "pareto.axis";
    static final String LOG_KEY = "pareto.log";
    static final String METHOD_KEY = "pareto.whatif_method";
    static final String EXPORT_DIR_KEY = "pareto.export_dir";
    static final String BUDGET_KEY = "pareto.budget_shown";
    static final String LINK_KEY = "pareto.budget_link_mbps";
    static final String RATE_KEY = "pareto.budget_images_per_s";
    /** The budget before the user sets one: the cost model's slow sensor link, at video rate. */
    static final BandwidthBudget DEFAULT_BUDGET = new BandwidthBudget(1, 30);

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
    /** The method chosen in the setup panel (its run name), where the what-if goes when its own method's runs are gone. */
    private final StringProperty setupMethod = new SimpleStringProperty();
    private final ObservableList<ParetoPoint> points = FXCollections.observableArrayList();
    private final ObservableList<ParetoPoint> front = FXCollections.observableArrayList();
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObjectProperty<Path> selectedRun = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<WhatIfPoint> whatIf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper whatIfLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final SeedGroups seedGroups = new SeedGroups();
    private final BooleanProperty budgetShown = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<BandwidthBudget> budget = new ReadOnlyObjectWrapper<>(DEFAULT_BUDGET);
    private final ReadOnlyStringWrapper budgetLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper budgetError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ChartLayout> layout = new ReadOnlyObjectWrapper<>();
    /** The configurations of the kind shown (classifiers or detectors), with or without a place on a log axis. */
    private List<SeedGroup> shownGroups = List.of();
    /** Their points on the current axis, before they are placed ({@link #place}). */
    private ParetoPlot plotted = new ParetoPlot(List.of(), List.of(), "");
    /** The cost axis's length on screen, which sets how far apart equal costs are drawn; NaN before it is shown. */
    private double plotWidth = Double.NaN;
    private BackboneSpec whatIfSpec;
    private String whatIfDataset;
    private CostReport whatIfCost;

    /**
     * @param prefs where the axis, log scale, what-if method, budget and export folder are
     *     remembered; null remembers nothing
     */
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
            budgetShown.set(prefs.getBoolean(BUDGET_KEY, true));
            double link = prefs.getDouble(LINK_KEY, DEFAULT_BUDGET.linkMbps());
            double rate = prefs.getDouble(RATE_KEY, DEFAULT_BUDGET.imagesPerSecond());
            if (link > 0 && rate > 0 && Double.isFinite(link) && Double.isFinite(rate)) {
                budget.set(new BandwidthBudget(link, rate)); // else a damaged value: the default will do
            }
        }
        axis.addListener((o, a, b) -> changed(AXIS_KEY, b == null ? null : b.name()));
        budgetShown.addListener((o, a, b) -> changed(BUDGET_KEY, b.toString()));
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

    /**
     * The setup panel's method (isrd, kd, ...; null: none known). When the runs are read again and
     * the what-if's method has no finished run among them any more, the what-if takes this one.
     */
    public StringProperty setupMethodProperty() {
        return setupMethod;
    }

    /** Whether the bandwidth budget is drawn and its best configuration named. */
    public BooleanProperty budgetShownProperty() {
        return budgetShown;
    }

    /** The bandwidth budget last set (always valid: a rejected input leaves it as it was). */
    public ReadOnlyObjectProperty<BandwidthBudget> budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    /**
     * "within 1 Mbit/s at 30 images/s: ISRD+KD at 14x14, 85.9 % ...", "no finished run fits
     * within ...", or "" when the budget is hidden.
     */
    public ReadOnlyStringProperty budgetLabelProperty() {
        return budgetLabel.getReadOnlyProperty();
    }

    /** Why the last budget input was rejected, one line; "" when it was taken. */
    public ReadOnlyStringProperty budgetErrorProperty() {
        return budgetError.getReadOnlyProperty();
    }

    /** The chart as drawn: points placed, front, what-if, budget line and both axes' ranges. */
    public ReadOnlyObjectProperty<ChartLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /**
     * Sets the budget from the user's text: link speed in Mbit/s and images per second, each a
     * positive number. Otherwise nothing changes and {@link #budgetErrorProperty} says why.
     *
     * @return whether the budget was taken
     */
    public boolean setBudget(String linkMbps, String imagesPerSecond) {
        double link = positive(linkMbps);
        double rate = positive(imagesPerSecond);
        if (Double.isNaN(link) || Double.isNaN(rate)) {
            budgetError.set(Double.isNaN(link)
                    ? "link speed must be a positive number of Mbit/s, not '" + linkMbps.strip() + "'"
                    : "images per second must be a positive number, not '" + imagesPerSecond.strip() + "'");
            return false;
        }
        budgetError.set("");
        budget.set(new BandwidthBudget(link, rate));
        if (prefs != null) {
            prefs.putDouble(LINK_KEY, link);
            prefs.putDouble(RATE_KEY, rate);
        }
        rebuild();
        return true;
    }

    /** The number in the text when it is a finite number above 0, else NaN. */
    private static double positive(String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip().replace(',', '.'));
            return v > 0 && Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Finished configurations with a cost, in catalog order of their first run. */
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
        keepWhatIfMethod(found);
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

    /**
     * After the runs are read again: the what-if's method stays while it has finished runs (or
     * while there are none at all, as before the first load); else it becomes the setup panel's.
     */
    private void keepWhatIfMethod(Set<String> found) {
        String now = whatIfMethod.get();
        String fallback = setupMethod.get();
        if (!found.isEmpty() && !found.contains(now) && fallback != null) {
            whatIfMethod.set(fallback);
        }
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
        shownGroups = seedGroups.group(shown);
        plotted = ParetoPlot.of(shownGroups, shown, axis.get(), logScale.get());
        status.set(plotted.status());
        updateWhatIf();
    }

    /**
     * Places the points (the what-if may share their cost), the budget line and the axes, then
     * publishes them: points and front first, the layout last, so a view that follows the layout
     * draws one consistent state.
     */
    private void place() {
        WhatIfPoint w = whatIf.get();
        double budgetX = budgetX();
        ChartLayout placed = ChartLayout.of(plotted.points(), w, budgetX, !logScale.get(), plotWidth);
        points.setAll(placed.points());
        front.setAll(placed.points().stream().filter(ParetoPoint::onFront)
                .sorted(Comparator.comparingDouble(ParetoPoint::cost).thenComparing(p -> -p.accuracy())).toList());
        budgetLabel.set(budgetShown.get() ? BudgetChoice.describe(shownGroups, budget.get(), axis.get()) : "");
        layout.set(placed);
    }

    /** Where the budget line is on the current axis, NaN when hidden, not on this axis or not plottable. */
    private double budgetX() {
        if (!budgetShown.get()) {
            return Double.NaN;
        }
        // the transmit axis times every run on the cost model's link, which their reports record
        double modelLink = shownGroups.stream().map(g -> g.first().cost()).filter(c -> c != null)
                .mapToDouble(c -> c.bandwidthMbps()).findFirst().orElseGet(this::modelLinkMbps);
        OptionalDouble on = budget.get().on(axis.get(), modelLink);
        if (on.isEmpty() || (logScale.get() && !(on.getAsDouble() > 0))) {
            return Double.NaN;
        }
        return x(on.getAsDouble());
    }

    private double modelLinkMbps() {
        return catalog.costs() == null ? 1 : catalog.costs().model().bandwidthMbps();
    }

    /**
     * The most accurate finished configuration of the kind shown whose images fit the budget on
     * the current axis (ties: the cheaper on the axis); null when none fits.
     */
    public SeedGroup bestWithinBudget() {
        return BudgetChoice.best(shownGroups, budget.get(), axis.get());
    }

    /**
     * The cost axis's length on screen in pixels (the view reports it as the window is resized):
     * points at the same cost are drawn at least a marker apart however narrow the chart is.
     */
    public void setPlotWidth(double pixels) {
        if (pixels > 0 && !(Math.abs(pixels - plotWidth) < 4)) { // a few pixels either way change nothing
            plotWidth = pixels;
            place();
        }
    }

    /** Marks the point's run as the selected one. */
    public void select(ParetoPoint point) {
        selectedRun.set(point.entry().folder());
    }

    /**
     * The tooltip of a point: what was trained, its score as mean ± standard deviation over its
     * seeds, its cost, and the runs pooled when there are several.
     */
    public String describe(ParetoPoint p) {
        RunEntry e = p.entry();
        String score = detectors.get() ? "mAP50" : "top-1";
        String seeds = p.seeds() == 1 ? "1 seed" : p.seeds() + " seeds";
        String runs = p.runs().size() > 1 ? String.format(Locale.ROOT, "%n%d runs pooled: %s", p.runs().size(),
                p.runs().stream().map(RunEntry::name).collect(Collectors.joining(", "))) : "";
        return String.format(Locale.ROOT, "%s%n%s x%s at %d px, %s%n%s %.2f%% ± %.2f (mean ± std over %s)%n%s%s%s",
                e.name(), e.backbone(), CostAxis.number(e.width()), e.inputSize(), p.method(), score, p.accuracy(),
                p.std(), seeds, axis.get().format(p.cost()), runs, p.onFront() ? "\non the Pareto front" : "");
    }

    /** Writes the points as CSV ({@link ParetoCsv}), atomically; false (and a status line) when it cannot. */
    public boolean exportCsv(Path file) {
        try {
            ParetoCsv.write(file, List.copyOf(points));
            rememberExportFolder(file);
            status.set("Points saved to " + file);
            return true;
        } catch (RuntimeException e) {
            status.set("Cannot save the points: " + Texts.oneLine(e));
            return false;
        }
    }

    private void rememberExportFolder(Path file) {
        if (prefs != null && file.toAbsolutePath().getParent() != null) {
            prefs.put(EXPORT_DIR_KEY, file.toAbsolutePath().getParent().toString());
        }
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
            place();
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
        place();
    }

    private void updateWhatIf() {
        if (whatIfSpec == null || whatIfCost == null) {
            place(); // nothing asked, or still measuring (the label says so): the runs alone
            return;
        }
        WhatIfPoint placed = WhatIfPoint.place(entries, whatIfSpec, whatIfDataset, whatIfMethod.get(), whatIfCost,
                axis.get(), logScale.get());
        whatIf.set(placed);
        whatIfLabel.set(placed.label());
        place();
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
            rememberExportFolder(file);
            status.set("Chart saved to " + file);
            return true;
        } catch (RuntimeException e) {
            status.set("Cannot save the chart: " + Texts.oneLine(e));
            return false;
        }
    }
}
