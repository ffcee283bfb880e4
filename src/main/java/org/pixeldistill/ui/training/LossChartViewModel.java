package org.pixeldistill.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.run.MetricsCsv;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.ui.common.UiThread;

/**
 * The curves of the loss chart: each loss term of each stage per epoch (from
 * {@link MetricsRow#losses()}), test top-1 per stage, and optionally the total loss per batch of
 * the stage in progress. Smoothing (an exponential moving average, {@link Smoothing}) applies to
 * the losses; accuracy is shown as measured. Rows are keyed by stage, seed and epoch, so a row
 * that arrives twice (a resumed run redoing an epoch) replaces the first.
 */
public final class LossChartViewModel {
    public static final String ALL_STAGES = "all stages";
    /** More points than a chart line of a few hundred pixels can show; beyond, neighbours are averaged. */
    static final int MAX_BATCH_POINTS = 1500;

    private final Map<String, TreeMap<Integer, MetricsRow>> rows = new LinkedHashMap<>();
    private final List<Curve.Point> batchPoints = new ArrayList<>();
    private String batchStage;
    private int batchSeed;

    private final ObservableList<Curve> lossCurves = FXCollections.observableArrayList();
    private final ObservableList<Curve> accuracyCurves = FXCollections.observableArrayList();
    private final ObservableList<String> stages = FXCollections.observableArrayList(ALL_STAGES);
    private final StringProperty stageFilter = new SimpleStringProperty(ALL_STAGES);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final BooleanProperty perBatch = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Curve> batchCurve = new ReadOnlyObjectWrapper<>();
    private final BatchLossListener listener;
    // Read-only views made once: a fresh wrapper per call would be collected with the listeners added to it.
    private final ObservableList<Curve> lossCurvesView = FXCollections.unmodifiableObservableList(lossCurves);
    private final ObservableList<Curve> accuracyCurvesView = FXCollections.unmodifiableObservableList(accuracyCurves);
    private final ObservableList<String> stagesView = FXCollections.unmodifiableObservableList(stages);

    public LossChartViewModel(UiThread ui) {
        this.listener = new BatchLossListener(ui, this);
        stageFilter.addListener(o -> refresh());
        smoothing.addListener(o -> refresh());
        perBatch.addListener(o -> refresh());
    }

    /** Add to a training run (TrainingViewModel does): posts each epoch, and batch losses, to the UI thread. */
    public TrainingListener listener() {
        return listener;
    }

    /** One epoch's record (UI thread). */
    public void add(MetricsRow row) {
        String stage = row.stage().key();
        rows.computeIfAbsent(stage + "#" + row.seed(), k -> new TreeMap<>()).put(row.epoch(), row);
        if (!stages.contains(stage)) {
            stages.add(stage);
        }
        refresh();
    }

    /** Empties the chart. */
    public void clear() {
        rows.clear();
        batchPoints.clear();
        batchStage = null;
        stages.setAll(ALL_STAGES);
        stageFilter.set(ALL_STAGES);
        refresh();
    }

    /** Shows the records of a run folder (all its stages; a run being trained keeps adding to them). */
    public void show(Path runDir) {
        clear();
        Path csv = runDir.resolve("metrics.csv");
        if (Files.isRegularFile(csv)) {
            new MetricsCsv(csv).rows().forEach(this::add);
        }
    }

    /** Whether any curve has a point: for tests and for enabling export. */
    public boolean hasPoints() {
        return lossCurves.stream().anyMatch(c -> !c.points().isEmpty());
    }

    /** A new stage's per-batch curve starts (UI thread). */
    void startBatches(String stage, int seed) {
        batchStage = stage;
        batchSeed = seed;
        batchPoints.clear();
        refresh();
    }

    /** Per-batch losses of the stage in progress (UI thread). Halves the resolution past {@link #MAX_BATCH_POINTS}. */
    void addBatches(List<Curve.Point> points) {
        batchPoints.addAll(points);
        if (batchPoints.size() > MAX_BATCH_POINTS) {
            List<Curve.Point> halved = new ArrayList<>();
            for (int i = 0; i + 1 < batchPoints.size(); i += 2) {
                Curve.Point a = batchPoints.get(i);
                Curve.Point b = batchPoints.get(i + 1);
                halved.add(new Curve.Point(b.x(), (a.y() + b.y()) / 2));
            }
            batchPoints.clear();
            batchPoints.addAll(halved);
        }
        if (perBatch.get()) {
            refresh();
        }
    }

    private boolean shown(String stage) {
        String filter = stageFilter.get();
        return filter == null || ALL_STAGES.equals(filter) || filter.equals(stage);
    }

    private void refresh() {
        double a = smoothing.get();
        List<Curve> losses = new ArrayList<>();
        List<Curve> accuracy = new ArrayList<>();
        for (TreeMap<Integer, MetricsRow> series : rows.values()) {
            MetricsRow first = series.firstEntry().getValue();
            String stage = first.stage().key();
            if (!shown(stage)) {
                continue;
            }
            Set<String> terms = new LinkedHashSet<>();
            series.values().forEach(r -> terms.addAll(r.losses().keySet()));
            for (String term : terms) {
                List<Curve.Point> points = new ArrayList<>();
                for (MetricsRow r : series.values()) {
                    Double v = r.losses().get(term);
                    if (v != null) {
                        points.add(new Curve.Point(r.epoch() + 1, v));
                    }
                }
                losses.add(new Curve(stage, first.seed(), term, Smoothing.ema(points, a)));
            }
            List<Curve.Point> scores = series.values().stream()
                    .map(r -> new Curve.Point(r.epoch() + 1, r.testScore())).toList();
            accuracy.add(new Curve(stage, first.seed(), "test " + first.score().label(), scores));
        }
        lossCurves.setAll(losses);
        accuracyCurves.setAll(accuracy);
        boolean showBatches = perBatch.get() && batchStage != null && shown(batchStage) && !batchPoints.isEmpty();
        batchCurve.set(showBatches ? new Curve(batchStage, batchSeed, "total per batch", Smoothing.ema(batchPoints, a)) : null);
    }

    public ObservableList<Curve> lossCurves() { return lossCurvesView; }
    public ObservableList<Curve> accuracyCurves() { return accuracyCurvesView; }
    /** "all stages" and each stage seen so far. */
    public ObservableList<String> stages() { return stagesView; }
    public StringProperty stageFilterProperty() { return stageFilter; }
    /** EMA factor 0..{@link Smoothing#MAX}. */
    public DoubleProperty smoothingProperty() { return smoothing; }
    /** Whether the per-batch total loss of the stage in progress is drawn. */
    public BooleanProperty perBatchProperty() { return perBatch; }
    /** The per-batch curve when shown, else null. */
    public ReadOnlyObjectProperty<Curve> batchCurveProperty() { return batchCurve.getReadOnlyProperty(); }
}
