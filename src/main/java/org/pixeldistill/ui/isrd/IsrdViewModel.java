package org.pixeldistill.ui.isrd;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.inspect.DisplayImages;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.core.inspect.Inspector;
import org.pixeldistill.core.loop.LiveNetworks;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.train.EpochModels;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.ui.common.UiThread;

/**
 * State of the "what does the low-resolution student still see" panel. Its {@link #listener()}
 * inspects a few fixed test images after every epoch of the chosen training stage, on the
 * training thread (a handful of images take well under a second), computing every map kind on
 * every feature stage at once, and posts the snapshots through the {@link UiThread}; switching
 * the map kind or the feature stage then only picks another snapshot, even after training ended.
 *
 * <p>Choices (map kind, feature stage, training stage, export folder) are remembered in the
 * given preferences node when there is one.
 */
public final class IsrdViewModel {
    public static final int DEFAULT_IMAGES = 6;
    /**
     * Training stages the panel can follow: "current" is whichever network is training (the teacher
     * during its stage, then the assistant, then the student); "student" also follows a single model.
     */
    public static final List<String> TRAINING_STAGES = List.of("current", "student", "assistant", "teacher");
    /** The workbench's preferences node (tests pass their own). */
    public static final String PREFERENCES_NODE = "org/pixeldistill/workbench";

    private final UiThread ui;
    private final int imageCount;
    private final Preferences prefs;
    private final Inspector inspector = new Inspector();

    private final ReadOnlyObjectWrapper<List<InspectionSnapshot>> snapshots = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<InspectionSnapshot> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper stageCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No epoch finished yet: the panel fills in as training goes.");
    private final StringProperty mapKind = new SimpleStringProperty(Inspector.ATTENTION);
    /** The smallest student map side the automatic stage choice shows (3x3 cells). */
    static final int USEFUL_MAP_SIDE = 3;
    private final IntegerProperty featureStage = new SimpleIntegerProperty(0);
    private final StringProperty trainingStage = new SimpleStringProperty("current");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> exportDirectory = new SimpleObjectProperty<>("");
    /** Read on the training thread: copies of the two choices it needs. */
    private volatile String followedStage = "current";
    private volatile boolean inspecting = true;
    private int[] fixedIndices;
    private Object fixedFor;

    /** The workbench's panel: six images, choices remembered under {@value #PREFERENCES_NODE}. */
    public IsrdViewModel(UiThread ui) {
        this(ui, DEFAULT_IMAGES, Preferences.userRoot().node(PREFERENCES_NODE));
    }

    /** @param prefs where choices are remembered, or null to remember nothing */
    public IsrdViewModel(UiThread ui, int imageCount, Preferences prefs) {
        if (imageCount < 1) {
            throw new IllegalArgumentException("imageCount must be >= 1, got " + imageCount);
        }
        this.ui = ui;
        this.imageCount = imageCount;
        this.prefs = prefs;
        if (prefs != null) {
            String kind = prefs.get("isrd.mapKind", Inspector.ATTENTION);
            mapKind.set(Inspector.MAP_KINDS.contains(kind) ? kind : Inspector.ATTENTION);
            featureStage.set(Math.max(0, prefs.getInt("isrd.featureStage", 0)));
            String stage = prefs.get("isrd.trainingStage", "current");
            trainingStage.set(TRAINING_STAGES.contains(stage) ? stage : "current");
            exportDirectory.set(prefs.get("isrd.exportDirectory", ""));
        }
        followedStage = trainingStage.get();
        mapKind.addListener((o, a, b) -> { remember("isrd.mapKind", b); select(); });
        featureStage.addListener((o, a, b) -> { remember("isrd.featureStage", b.toString()); select(); });
        trainingStage.addListener((o, a, b) -> { followedStage = b; remember("isrd.trainingStage", b); });
        enabled.addListener((o, a, b) -> inspecting = b);
        exportDirectory.addListener((o, a, b) -> remember("isrd.exportDirectory", b == null ? "" : b));
    }

    /** Attach to a run: {@code new RunPipeline(root, TrainingListener.all(progress, vm.listener()), cancel)}. */
    public TrainingListener listener() {
        return new TrainingListener() {
            @Override
            public void onStageStart(StageStart start) {
                // the first seed of a stage: a new run starts with its teacher (or single model), or
                // with the student when the teacher is reused; pictures of an earlier run or stage go
                boolean first = start.index() == 1 && start.startEpoch() == 0;
                boolean opensRun = start.stage() == Stage.TEACHER || start.stage() == Stage.MODEL;
                if (first && (follows(start.stage().key()) || opensRun)) {
                    String line = "Training the " + start.stage() + ": its pictures appear after its first epoch.";
                    post(() -> {
                        accept(List.of());
                        status.set(line);
                    });
                    return;
                }
                if (!follows(start.stage().key())) {
                    post(() -> status.set("Training the " + start.stage() + ": the panel follows the "
                            + followedStage + " stage."));
                }
            }

            @Override
            public void onEpochModels(LiveNetworks models) {
                // a classifier's networks; a detector's have no ISRD maps to show
                if (inspecting && models instanceof EpochModels classifier && follows(classifier.stage().key())) {
                    inspect(classifier);
                }
            }
        };
    }

    /**
     * Inspects one epoch's live networks now (the listener calls this on the training thread) and
     * posts the result. A failure becomes the status line; it never stops training.
     */
    public void inspect(EpochModels models) {
        long start = System.nanoTime();
        try {
            if (fixedFor != models.test()) {
                fixedIndices = Inspector.fixedIndices(models.test(), imageCount);
                fixedFor = models.test();
            }
            Normalization norm = DisplayImages.normalizationOf(models.sampler(), models.test().channels());
            List<InspectionSnapshot> all = inspector.inspectAll(models, fixedIndices, norm.mean(), norm.std());
            double seconds = (System.nanoTime() - start) / 1e9;
            String line = String.format("%s seed %d, epoch %d: %d images inspected in %.2f s", models.stage(),
                    models.seed(), models.epoch() + 1, fixedIndices.length, seconds);
            post(() -> {
                accept(all);
                status.set(line);
            });
        } catch (RuntimeException e) {
            String line = "Inspection failed after epoch " + (models.epoch() + 1) + ": " + e.getMessage();
            post(() -> status.set(line));
        }
    }

    /** Shows snapshots made elsewhere (from {@link Inspector#inspectAll}); call on the UI thread. */
    public void accept(List<InspectionSnapshot> all) {
        snapshots.set(List.copyOf(all));
        int count = 0;
        for (InspectionSnapshot s : all) {
            count = Math.max(count, s.featureStage());
        }
        stageCount.set(count);
        select();
    }

    /**
     * The snapshot of the chosen kind and feature stage, or null. Stage 0 is automatic: the deepest
     * stage whose student map still has {@link #USEFUL_MAP_SIDE} cells a side (a 7x7 student's last
     * stage is one cell, which shows nothing), else the last.
     */
    private void select() {
        List<InspectionSnapshot> ofKind = snapshots.get().stream().filter(s -> s.mapKind().equals(mapKind.get()))
                .toList();
        int chosen = featureStage.get();
        InspectionSnapshot pick = null;
        if (chosen == 0 || chosen > stageCount.get()) {
            for (InspectionSnapshot s : ofKind) {
                boolean useful = !s.images().isEmpty() && s.images().get(0).studentMapSize() >= USEFUL_MAP_SIDE;
                if (useful && (pick == null || s.featureStage() > pick.featureStage())) {
                    pick = s;
                }
            }
            chosen = stageCount.get();
        }
        if (pick == null) {
            for (InspectionSnapshot s : ofKind) {
                if (s.featureStage() == chosen) {
                    pick = s;
                }
            }
        }
        shown.set(pick);
    }

    private boolean follows(String stage) {
        String wanted = followedStage;
        return "current".equals(wanted) || wanted.equals(stage) || ("student".equals(wanted) && "model".equals(stage));
    }

    private void post(Runnable action) {
        ui.run(action);
    }

    private void remember(String key, String value) {
        if (prefs != null) {
            prefs.put(key, value);
        }
    }

    /** Every map kind the panel offers ({@link Inspector#MAP_KINDS}). */
    public List<String> mapKinds() {
        return Inspector.MAP_KINDS;
    }

    /** The snapshot on screen: the chosen map kind on the chosen feature stage of the latest epoch. */
    public ReadOnlyObjectProperty<InspectionSnapshot> snapshotProperty() {
        return shown.getReadOnlyProperty();
    }

    /** All snapshots of the latest inspected epoch (every kind on every stage). */
    public ReadOnlyObjectProperty<List<InspectionSnapshot>> snapshotsProperty() {
        return snapshots.getReadOnlyProperty();
    }

    /** "attention" or "gradcam". */
    public StringProperty mapKindProperty() {
        return mapKind;
    }

    /** 1-based backbone stage the maps come from, 0 = the last. */
    public IntegerProperty featureStageProperty() {
        return featureStage;
    }

    /** How many feature stages the latest snapshots cover (0 before the first). */
    public ReadOnlyIntegerProperty stageCountProperty() {
        return stageCount.getReadOnlyProperty();
    }

    /** Which training stage is followed: "student" (default), "assistant" or "teacher". */
    public StringProperty trainingStageProperty() {
        return trainingStage;
    }

    /** Whether epochs are inspected at all (off saves the few tenths of a second per epoch). */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The folder the last PNG was exported to ("" = none yet). */
    public ObjectProperty<String> exportDirectoryProperty() {
        return exportDirectory;
    }

    /** One line for the status label: the last inspection, a failure, or what is being waited for. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Sets the status line (the view reports export results here); call on the UI thread. */
    public void report(String line) {
        status.set(line);
    }
}
