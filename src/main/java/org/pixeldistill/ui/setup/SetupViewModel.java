package org.pixeldistill.ui.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.sweep.SweepPlan;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/**
 * State of the setup panel: the data set, the two networks, the method and its weights, the
 * student's resolution and the training length, with a live cost readout of the student. Builds
 * the run config Start trains ({@link #buildConfig}) and remembers the choices between sessions.
 * Properties are changed on the UI thread only (the view binds to them).
 */
public final class SetupViewModel {
    private final Path demoData;
    private final RunConfigBuilder builder;
    private final SetupPreferences preferences;
    private final CostReadout cost;

    private final BooleanProperty useDemo = new SimpleBooleanProperty(true);
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty layout = new SimpleStringProperty("fashion-mnist");
    private final StringProperty teacherBackbone = new SimpleStringProperty("resnet18");
    private final ObjectProperty<Double> teacherWidth = new SimpleObjectProperty<>(0.25);
    private final ObjectProperty<Integer> teacherSize = new SimpleObjectProperty<>(28);
    private final StringProperty studentBackbone = new SimpleStringProperty("resnet18");
    private final ObjectProperty<Double> studentWidth = new SimpleObjectProperty<>(0.25);
    private final ObservableList<Integer> ratios = FXCollections.observableArrayList(Resolution.ratios(28));
    /** Made once: a fresh read-only wrapper per call would be collected with the listeners added to it. */
    private final ObservableList<Integer> ratiosView = FXCollections.unmodifiableObservableList(ratios);
    private final IntegerProperty resolutionIndex = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper studentSize = new ReadOnlyIntegerWrapper(7);
    private final ReadOnlyStringWrapper resolutionText = new ReadOnlyStringWrapper(Resolution.label(28, 4));
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.ISRD);
    private final ObjectProperty<Double> eta = new SimpleObjectProperty<>(IsrdConfig.etaAt(4));
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(4.0);
    private final ObjectProperty<Double> alpha = new SimpleObjectProperty<>(0.9);
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(6);
    private final ObjectProperty<Integer> teacherEpochs = new SimpleObjectProperty<>(6);
    private final ObjectProperty<Integer> seeds = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> trainLimit = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Integer> teacherTrainLimit = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Integer> testLimit = new SimpleObjectProperty<>(0);
    private final StringProperty device = new SimpleStringProperty("auto");
    private final ObjectProperty<Double> bandwidth = new SimpleObjectProperty<>(1.0);
    /** Pretrained weights files (model.weights) of the two networks; "" = random start. */
    private final StringProperty teacherWeights = new SimpleStringProperty("");
    private final StringProperty studentWeights = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");
    /** The methods "Sweep sizes" trains at every size of the slider: the chosen method and the baseline at first. */
    private final ObservableList<Method> sweepMethods = FXCollections.observableArrayList(Method.ISRD, Method.BASELINE);
    /** True while a setup field holds a value the core's config checks refuse (the view's validation says so). */
    private final BooleanProperty invalid = new SimpleBooleanProperty(false);

    /** While {@link #apply} sets many properties at once, cost requests wait for the last one. */
    private boolean applying;
    /** The ratio shown last, to keep it when the teacher's size changes and to follow eta's suggestion. */
    private int shownRatio = 4;

    /**
     * @param demoData the embedded demo data (assets/fashion-mnist under the working directory)
     * @param runsRoot runs folder; the teachers' configs are written under its configs/
     */
    public SetupViewModel(Path demoData, Path runsRoot, SetupPreferences preferences, TaskRunner runner, UiThread ui) {
        this.demoData = demoData;
        this.builder = new RunConfigBuilder(demoData, runsRoot.resolve("configs"));
        this.preferences = preferences;
        this.cost = new CostReadout(runner, ui);
        teacherSize.addListener((o, before, after) -> onTeacherSize(after));
        resolutionIndex.addListener(o -> onResolution());
        useDemo.addListener((o, before, after) -> onLayout(before ? "fashion-mnist" : layout.get()));
        layout.addListener((o, before, after) -> {
            if (!useDemo.get()) {
                onLayout(before);
            }
        });
        cost.dataErrorProperty().addListener(o -> updateDataError());
        for (Observable input : List.<Observable>of(useDemo, folder, layout, teacherSize, studentBackbone, studentWidth,
                resolutionIndex, bandwidth)) {
            input.addListener(o -> requestCost());
        }
        apply(preferences.load(SetupChoices.defaults()));
        sweepMethods.setAll(SizeSweeps.defaultMethods(method.get()));
        // the method chosen above is always among those swept (the user may still untick it)
        method.addListener((o, was, is) -> {
            if (is != null && !sweepMethods.contains(is)) {
                sweepMethods.add(is);
            }
        });
    }

    /** The base config of "Sweep sizes": the current choices, with a teacher whatever the method. */
    public RunConfig sweepBase() {
        return SizeSweeps.base(builder, choices());
    }

    /** Every size the slider offers, times the ticked methods ({@link #sweepMethods}). */
    public SweepPlan.Options sweepOptions() {
        return SizeSweeps.options(choices(), ratios, sweepMethods);
    }

    /** The choices as they stand (Start takes this snapshot on the UI thread). */
    public SetupChoices choices() {
        return new SetupChoices(useDemo.get(), folder.get(), layout.get(), teacherBackbone.get(), teacherWidth.get(),
                teacherSize.get(), studentBackbone.get(), studentWidth.get(), ratio(), method.get(), eta.get(),
                temperature.get(), alpha.get(), epochs.get(), teacherEpochs.get(), seeds.get(), trainLimit.get(),
                teacherTrainLimit.get(), testLimit.get(), device.get(), bandwidth.get(), teacherWeights.get(),
                studentWeights.get());
    }

    /** Sets every control from {@code c} (restored preferences, the classroom preset). */
    public void apply(SetupChoices c) {
        applying = true;
        try {
            useDemo.set(c.useDemo());
            folder.set(c.folder());
            layout.set(c.layout());
            teacherBackbone.set(c.teacherBackbone());
            teacherWidth.set(c.teacherWidth());
            teacherSize.set(c.teacherSize());
            studentBackbone.set(c.studentBackbone());
            studentWidth.set(c.studentWidth());
            resolutionIndex.set(Resolution.indexOf(ratios, c.ratio()));
            method.set(c.method());
            eta.set(c.eta());
            temperature.set(c.temperature());
            alpha.set(c.alpha());
            epochs.set(c.epochs());
            teacherEpochs.set(c.teacherEpochs());
            seeds.set(c.seeds());
            trainLimit.set(c.trainLimit());
            teacherTrainLimit.set(c.teacherTrainLimit());
            testLimit.set(c.testLimit());
            device.set(c.device());
            teacherWeights.set(c.teacherWeights());
            studentWeights.set(c.studentWeights());
            bandwidth.set(c.bandwidthMbps());
        } finally {
            applying = false;
        }
        updateResolution();
        updateDataError();
        requestCost();
    }

    /** The classroom demo: minutes on a laptop CPU (see {@link SetupChoices#classroomDemo}). */
    public void classroomDemo() {
        apply(SetupChoices.classroomDemo());
    }

    /** Train on a folder the user picked, organised as {@code layoutName}. */
    public void chooseFolder(Path dir, String layoutName) {
        folder.set(dir.toAbsolutePath().normalize().toString());
        layout.set(layoutName);
        useDemo.set(false);
    }

    /**
     * The validated run config of the current choices; for a distillation, writes the teacher's
     * config file under the runs folder first. ConfigException (one line) for a bad choice.
     */
    public RunConfig buildConfig() {
        return builder.build(choices());
    }

    /** The chosen data set without limits (what the cost readout measures), for the what-if. */
    public DataConfig dataConfig() {
        return builder.probeData(choices());
    }

    /** Builds from a snapshot taken earlier (Start snapshots on the UI thread, builds off it). */
    public RunConfig buildConfig(SetupChoices snapshot) {
        return builder.build(snapshot);
    }

    public void savePreferences() {
        preferences.save(choices());
    }

    /** The reduction ratio r the slider stands on. */
    public int ratio() {
        int i = Math.max(0, Math.min(ratios.size() - 1, resolutionIndex.get()));
        return ratios.get(i);
    }

    private void onTeacherSize(Integer after) {
        int oldRatio = shownRatio;
        List<Integer> valid = Resolution.ratios(after == null ? 28 : after);
        ratios.setAll(valid);
        resolutionIndex.set(Resolution.indexOf(valid, oldRatio));
        updateResolution();
    }

    private void onResolution() {
        int oldRatio = shownRatio;
        // Keep eta on the paper's suggestion for the new ratio, unless the user chose another value.
        if (!applying && eta.get() != null && eta.get() == IsrdConfig.etaAt(oldRatio)) {
            eta.set(IsrdConfig.etaAt(ratio()));
        }
        updateResolution();
    }

    private void onLayout(String before) {
        String now = useDemo.get() ? "fashion-mnist" : layout.get();
        if (!applying && teacherSize.get() == SetupChoices.defaultTeacherSize(before)) {
            teacherSize.set(SetupChoices.defaultTeacherSize(now));
        }
        updateDataError();
    }

    private void updateResolution() {
        int r = ratio();
        shownRatio = r;
        studentSize.set(teacherSize.get() / r);
        resolutionText.set(Resolution.label(teacherSize.get(), r));
    }

    private void updateDataError() {
        if (useDemo.get() && !Files.isDirectory(demoData)) {
            dataError.set("demo data not found at " + demoData.toAbsolutePath().normalize()
                    + " (start from the project folder, or choose a data folder)");
        } else if (!useDemo.get() && folder.get().isBlank()) {
            dataError.set("choose a data folder");
        } else {
            dataError.set(cost.dataErrorProperty().get());
        }
    }

    private void requestCost() {
        if (applying) {
            return;
        }
        updateResolution();
        SetupChoices c = choices();
        if (!c.useDemo() && c.folder().isBlank()) {
            updateDataError();
            return;
        }
        cost.request(new CostRequest(builder.probeData(c), c.studentBackbone(), c.studentWidth(),
                RunConfigBuilder.stemOf(c), c.studentSize(), c.teacherSize(), c.bandwidthMbps()));
    }

    // --- properties the view binds to ---------------------------------------------------------

    public BooleanProperty useDemoProperty() { return useDemo; }
    public StringProperty folderProperty() { return folder; }
    public StringProperty layoutProperty() { return layout; }
    public StringProperty teacherBackboneProperty() { return teacherBackbone; }
    public StringProperty teacherWeightsProperty() { return teacherWeights; }
    public StringProperty studentWeightsProperty() { return studentWeights; }
    public ObjectProperty<Double> teacherWidthProperty() { return teacherWidth; }
    public ObjectProperty<Integer> teacherSizeProperty() { return teacherSize; }
    public StringProperty studentBackboneProperty() { return studentBackbone; }
    public ObjectProperty<Double> studentWidthProperty() { return studentWidth; }
    /** Valid reduction ratios for the teacher's size, largest first (the slider's positions). */
    public ObservableList<Integer> ratios() { return ratiosView; }
    /** Position of the resolution slider: an index into {@link #ratios()} (0 = smallest image). */
    public IntegerProperty resolutionIndexProperty() { return resolutionIndex; }
    public ReadOnlyIntegerProperty studentSizeProperty() { return studentSize.getReadOnlyProperty(); }
    /** "7x7 (r = 4)". */
    public ReadOnlyStringProperty resolutionTextProperty() { return resolutionText.getReadOnlyProperty(); }
    public ObjectProperty<Method> methodProperty() { return method; }
    public ObjectProperty<Double> etaProperty() { return eta; }
    public ObjectProperty<Double> temperatureProperty() { return temperature; }
    public ObjectProperty<Double> alphaProperty() { return alpha; }
    public ObjectProperty<Integer> epochsProperty() { return epochs; }
    public ObjectProperty<Integer> teacherEpochsProperty() { return teacherEpochs; }
    public ObjectProperty<Integer> seedsProperty() { return seeds; }
    public ObjectProperty<Integer> trainLimitProperty() { return trainLimit; }

    public ObjectProperty<Integer> teacherTrainLimitProperty() { return teacherTrainLimit; }
    public ObjectProperty<Integer> testLimitProperty() { return testLimit; }
    public StringProperty deviceProperty() { return device; }
    public ObjectProperty<Double> bandwidthProperty() { return bandwidth; }
    /** One line when the chosen data cannot be used, else "". */
    public ReadOnlyStringProperty dataErrorProperty() { return dataError.getReadOnlyProperty(); }
    /** "fashion-mnist: 10 classes, 1 channel, 10000 train / 2000 test images". */
    public ReadOnlyStringProperty dataSummaryProperty() { return cost.dataSummaryProperty(); }
    /** The student's cost in four lines (pixels, bytes, compute, transmission). */
    public ReadOnlyStringProperty costTextProperty() { return cost.textProperty(); }
    public ReadOnlyObjectProperty<CostReport> costReportProperty() { return cost.reportProperty(); }
    public Path demoData() { return demoData; }
    /** The methods "Sweep sizes" trains (the view's check-combo-box edits this list). */
    public ObservableList<Method> sweepMethods() { return sweepMethods; }
    /** Whether a field is out of range by the core's rules; Start and Sweep wait until it is mended. */
    public BooleanProperty invalidProperty() { return invalid; }
}
