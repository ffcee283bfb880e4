package org.pixeldistill.ui.training;

import java.util.Locale;
import java.util.function.Consumer;
import org.pixeldistill.core.util.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.loop.TrainingFailedException;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.ui.common.BackgroundWork;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/**
 * Start, Stop and Resume of training runs, and what the window shows about them: a progress bar
 * per stage with time left, a status line, the run folder, and failures as one line. Training runs
 * through {@link RunPipeline} on the task runner; its events reach the UI thread coalesced, so the
 * window stays responsive. Other views receive every run's events by {@link #addListener}.
 */
public final class TrainingViewModel {
    /** A failure to show; {@code id} makes two equal messages in a row still a change. */
    /** A message for a desktop notification; the id tells two equal messages apart. */
    public record Notice(long id, String title, String text) {}

    /** @param started whether the run got as far as its run folder (else it never started) */
    public record Failure(long id, String message, boolean started) {}

    private final Path runsRoot;
    private final BackgroundWork background;
    /** Runs train on a lane of their own, so the other views' short tasks never wait behind one. */
    private final BackgroundWork trainingLane;
    private final UiThread ui;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private Supplier<RunConfig> configSource = () -> {
        throw new ConfigException("no setup to train from");
    };
    private volatile Cancellation cancellation;
    private volatile CountDownLatch idle = new CountDownLatch(0);
    /** The events of the run being launched (a sweep hands them to its runner). */
    private volatile TrainingListener launchListener;
    private Supplier<SweepRequest> sweepSource = () -> {
        throw new ConfigException("no setup to sweep from");
    };
    /** The sweep being trained (null for a single run): what Resume continues if it is stopped. */
    private SweepRequest launchedSweep;
    /** The stopped sweep Resume continues, else null. */
    private SweepRequest resumableSweep;
    private final ObservableList<SweepCellState> sweepCells = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("ready");
    private final ReadOnlyObjectWrapper<Path> currentRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> lastFinishedRun = new ReadOnlyObjectWrapper<>();
    /** True while the setup panel shows a field out of range: Start and Sweep sizes wait for it. */
    private final BooleanProperty setupInvalid = new SimpleBooleanProperty(false);
    /** Whether the workbench window has the focus; the view keeps it up to date. */
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    /** Set when a run ends while the window is in the background: the view shows it as a notification. */
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final AtomicLong notices = new AtomicLong();
    private final ReadOnlyObjectWrapper<Path> resumableRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();

    private static final String CONFIG_DIRECTORY_KEY = "training.configDirectory";
    private final ObjectProperty<String> configDirectory = new SimpleObjectProperty<>("");

    public TrainingViewModel(Path runsRoot, TaskRunner runner, UiThread ui) {
        this.runsRoot = runsRoot;
        this.background = new BackgroundWork(runner, ui);
        this.trainingLane = background.longLane();
        this.ui = ui;
    }

    /** Folder of the last config file trained ("" = none yet); remembered where {@link #rememberIn} says. */
    public ObjectProperty<String> configDirectoryProperty() {
        return configDirectory;
    }

    /**
     * Where "Train config…" opens: the folder of the last config trained, else {@code sample-configs}
     * in {@code workingDir} when it is there (the configs a newcomer wants), else the bundled sample configs.
     */
    public Path configStartDirectory(Path workingDir) {
        String last = configDirectory.get();
        if (last != null && !last.isEmpty() && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        Path samples = workingDir.resolve("sample-configs");
        // elsewhere (an installed program started from the menu) the sample configs bundled with it
        return Files.isDirectory(samples) ? samples.toAbsolutePath().normalize()
                : BundledFiles.folder().resolve(BundledFiles.CONFIGS);
    }

    /** Keeps {@link #configDirectoryProperty()} in {@code prefs} across sessions. */
    public void rememberIn(Preferences prefs) {
        configDirectory.set(prefs.get(CONFIG_DIRECTORY_KEY, ""));
        configDirectory.addListener((o, was, is) -> prefs.put(CONFIG_DIRECTORY_KEY, is == null ? "" : is));
    }

    /** Where Start takes its config from (the setup panel); called on the UI thread. */
    public void setConfigSource(Supplier<RunConfig> source) {
        this.configSource = source;
    }

    /**
     * Adds a listener to every later run. It is called on the TRAINING thread (so that
     * {@code onEpochModels} can read the live networks); post to the UI thread yourself. An
     * exception it throws is shown in the status line and does not stop training.
     */
    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    /** Trains the config the setup panel describes. */
    public void start() {
        RunConfig config;
        try {
            config = configSource.get();
        } catch (RuntimeException e) {
            fail(Texts.oneLine(e));
            return;
        }
        start(config);
    }

    /** Trains {@code config} in a new folder under the runs folder. */
    public void start(RunConfig config) {
        if (running.get()) {
            return;
        }
        launchedSweep = null; // a single run; Sweep sizes still continues a stopped sweep
        resumableSweep = null;
        launch("training " + config.name(), "starting " + config.name() + "...", (pipeline, progressListener, folderSink) -> {
            progressListener.plan(config);
            RunFolder folder = RunFolder.create(runsRoot, config.name());
            folderSink.accept(folder.dir());
            return FinishedRun.of(pipeline.trainIn(folder.dir(), config).dir());
        });
    }

    /**
     * Trains a YAML config file as {@code train --config} would: any run the command line can do,
     * detectors and AFP through TAS included. A config that does not load is a one-line failure and
     * nothing starts.
     */
    public void startFile(Path yaml) {
        if (running.get()) {
            return;
        }
        if (yaml.toAbsolutePath().getParent() != null) {
            configDirectory.set(yaml.toAbsolutePath().getParent().toString());
        }
        RunConfig config;
        try {
            config = ConfigLoader.load(yaml);
        } catch (ConfigException e) {
            fail(Texts.oneLine(e));
            return;
        }
        start(config);
    }

    /** Where "Sweep sizes" takes its base config and grid from (the setup panel); called on the UI thread. */
    public void setSweepSource(Supplier<SweepRequest> source) {
        this.sweepSource = source;
    }

    /** Trains the sweep the setup panel describes: every size of the slider times the ticked methods. */
    public void startSweep() {
        SweepRequest request;
        try {
            request = sweepSource.get();
        } catch (RuntimeException e) {
            fail(Texts.oneLine(e));
            return;
        }
        startSweep(request);
    }

    /**
     * Trains the cells of {@code request} that are not finished yet, as {@code sweep} does on the
     * command line (the same folder under runs/sweeps/); each finished cell is announced by
     * {@link #lastFinishedRunProperty()} at once, so the runs table and the Pareto chart fill while
     * the sweep goes on. Stop, then Resume or "Sweep sizes" again, continues where it stopped.
     */
    public void startSweep(SweepRequest request) {
        if (running.get()) {
            return;
        }
        launchedSweep = request;
        SizeSweepWork sweep = new SizeSweepWork(request, runsRoot, new SizeSweepWork.Events() {
            @Override
            public void cells(List<SweepCellState> cells) {
                ui.run(() -> sweepCells.setAll(cells));
            }

            @Override
            public void cellDone(Path dir) {
                ui.run(() -> lastFinishedRun.set(dir));
            }
        });
        launch("sweep " + request.base().name(), "sweep " + request.base().name() + ": planning the cells...",
                (pipeline, progressListener, sink) -> sweep.run(launchListener, cancellation, progressListener, sink));
    }

    /** The cells of the last sweep and their state, for the cell list (UI thread). */
    public ObservableList<SweepCellState> sweepCells() {
        return sweepCells;
    }

    /** Continues the last stopped run, or the stopped sweep. */
    public void resume() {
        if (resumableSweep != null) {
            startSweep(resumableSweep);
            return;
        }
        Path dir = resumableRun.get();
        if (dir == null) {
            status.set("nothing to resume: no run was stopped");
            return;
        }
        resume(dir);
    }

    /** Continues the run in {@code runDir} from its last completed epoch. */
    public void resume(Path runDir) {
        if (running.get()) {
            return;
        }
        launchedSweep = null; // a single run; Sweep sizes still continues a stopped sweep
        resumableSweep = null;
        launch("resuming " + runDir.getFileName(), "resuming " + runDir.getFileName() + "...", (pipeline, progressListener,
                sink) -> {
            sink.accept(runDir);
            progressListener.plan(RunFolder.open(runDir).readConfig());
            return FinishedRun.of(pipeline.resume(runDir).dir());
        });
    }

    /** Asks the run to stop after its current batch; the run stays on disk and Resume continues it. */
    public void stop() {
        Cancellation c = cancellation;
        if (c != null && !c.isCancelled()) {
            c.cancel();
            ui.run(() -> {
                if (running.get()) {
                    status.set("stopping after the current batch...");
                }
            });
        }
    }

    /** Stops a run and waits for it to save its state (the window is closing). */
    public boolean shutdown(Duration wait) {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
        return awaitIdle(wait);
    }

    /** Waits until no run is in progress; false on time-out. */
    public boolean awaitIdle(Duration wait) {
        try {
            return idle.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Looks for the newest stopped run under the runs folder, for Resume after a restart. */
    public void findResumableRun() {
        background.submit("finding a stopped run", () -> ResumableRuns.newest(runsRoot), found -> found.ifPresent(dir -> {
            if (resumableRun.get() == null && !running.get()) {
                resumableRun.set(dir);
            }
        }), e -> status.set("cannot look for a stopped run: " + Texts.oneLine(e)));
    }

    /** The pipeline call of a run; reports its folder as soon as it exists. */
    private interface Work {
        FinishedRun run(RunPipeline pipeline, ProgressListener progress, Consumer<Path> folderSink);
    }

    private void launch(String taskName, String message, Work work) {
        Cancellation c = new Cancellation();
        cancellation = c;
        CountDownLatch done = new CountDownLatch(1);
        idle = done;
        running.set(true);
        progress.set(-1);
        progressText.set("");
        status.set(message);
        ProgressListener progressListener = new ProgressListener(ui, progress, progressText, status);
        TrainingListener all = TrainingListener.all(progressListener, new GuardedListeners(List.copyOf(listeners), ui, status));
        Path[] dir = new Path[1];
        launchListener = all;
        trainingLane.submit(taskName, () -> {
            try {
                if (!trainingLane.onCallingThread()) {
                    TrainingThread.lowerPriority();
                }
                RunPipeline pipeline = new RunPipeline(runsRoot, all, c);
                return work.run(pipeline, progressListener, d -> {
                    dir[0] = d;
                    ui.run(() -> currentRun.set(d));
                });
            } finally {
                done.countDown(); // on the training thread: a closing window waits for this on the UI thread
            }
        }, result -> {
            finished(result);
            running.set(false);
        }, e -> {
            if (e instanceof RunCancelledException) {
                stopped(dir[0]);
            } else if (e instanceof ConfigException || e instanceof TrainingFailedException) {
                failed(e.getMessage(), dir[0]);
            } else {
                // unexpected (a bug, or the engine's own error): the class name helps a bug report
                failed(e.getClass().getSimpleName() + ": " + Texts.oneLine(e), dir[0]);
            }
            running.set(false);
        });
    }

    private void finished(FinishedRun run) {
        Path dir = run.dir();
        progress.set(1);
        status.set("finished: " + dir.getFileName() + run.best());
        if (dir.equals(resumableRun.get()) || launchedSweep != null) {
            resumableRun.set(null);
        }
        resumableSweep = null;
        lastFinishedRun.set(dir);
        if (!windowFocused.get()) {
            notice.set(new Notice(notices.incrementAndGet(), "Training finished", status.get()));
        }
    }

    private void stopped(Path dir) {
        progress.set(0);
        progressText.set(""); // "… 10 s left" would outlive the run it was about
        if (dir != null) {
            resumableRun.set(dir);
        }
        resumableSweep = launchedSweep;
        sweepCells.replaceAll(SweepCellState::stopped);
        String what = launchedSweep != null ? "the sweep " + launchedSweep.base().name()
                : dir == null ? null : dir.getFileName().toString();
        status.set("stopped; the last completed epoch is saved" + (what == null ? "" : " and Resume continues " + what));
    }

    private void failed(String message, Path dir) {
        resumableSweep = null;
        sweepCells.replaceAll(SweepCellState::stopped);
        progress.set(0);
        progressText.set("");
        if (dir != null) {
            ResumableRuns.discardIfUnstarted(dir);
        }
        fail(message, dir != null);
    }

    private void fail(String message) {
        fail(message, false);
    }

    private void fail(String message, boolean started) {
        status.set("error: " + message);
        failure.set(new Failure(failures.incrementAndGet(), message, started));
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Share of the current stage done, 0-1; -1 while starting (indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** "stage 2/3 student · epoch 3/6 · batch 45/157 · loss 0.812 · 1 min 05 s left". */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The folder of the run in progress (or the last one). */
    public ReadOnlyObjectProperty<Path> currentRunProperty() { return currentRun.getReadOnlyProperty(); }
    /** Set when a run finishes: the "run finished" event other views listen to. */
    public ReadOnlyObjectProperty<Path> lastFinishedRunProperty() { return lastFinishedRun.getReadOnlyProperty(); }
    public BooleanProperty windowFocusedProperty() { return windowFocused; }
    public BooleanProperty setupInvalidProperty() { return setupInvalid; }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** The run Resume would continue, or null. */
    public ReadOnlyObjectProperty<Path> resumableRunProperty() { return resumableRun.getReadOnlyProperty(); }
    /** The last failure, as one line. */
    public ReadOnlyObjectProperty<Failure> failureProperty() { return failure.getReadOnlyProperty(); }
}
