package org.pixeldistill.ui.training;

import org.pixeldistill.core.loop.LiveNetworks;
import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.core.util.Texts;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.ui.common.UiThread;

/**
 * The listeners other views registered, each called in turn; one that throws is reported in the
 * status line instead of failing the run (a broken chart must not cost an hour of training).
 */
final class GuardedListeners implements TrainingListener {
    private final List<TrainingListener> listeners;
    private final UiThread ui;
    private final StringProperty status;

    GuardedListeners(List<TrainingListener> listeners, UiThread ui, StringProperty status) {
        this.listeners = listeners;
        this.ui = ui;
        this.status = status;
    }

    private void each(Consumer<TrainingListener> event) {
        for (TrainingListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                String line = "a view could not follow training: " + Texts.oneLine(e);
                ui.run(() -> status.set(line));
            }
        }
    }

    @Override
    public void onStageStart(StageStart start) {
        each(l -> l.onStageStart(start));
    }

    @Override
    public void onBatch(BatchProgress progress) {
        each(l -> l.onBatch(progress));
    }

    @Override
    public void onEpoch(MetricsRow row) {
        each(l -> l.onEpoch(row));
    }

    @Override
    public void onEpochModels(LiveNetworks models) {
        each(l -> l.onEpochModels(models));
    }

    @Override
    public void onStageEnd(Stage stage, int seed, Score score, double best, double last) {
        each(l -> l.onStageEnd(stage, seed, score, best, last));
    }

    @Override
    public void onMessage(String message) {
        each(l -> l.onMessage(message));
    }
}
