package org.pixeldistill.ui.common;

import javafx.application.Platform;

/** Posts to the JavaFX application thread (runs at once when already on it). */
public final class FxUiThread implements UiThread {
    @Override
    public void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
