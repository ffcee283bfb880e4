package org.pixeldistill.ui;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.pixeldistill.ui.setup.SetupPreferences;

/** A preferences node of its own per test, removed afterwards, so tests never see the user's choices. */
public final class TestPrefs implements AutoCloseable {
    private final Preferences node = Preferences.userRoot().node("org/pixeldistill/workbench-test-" + UUID.randomUUID());

    public SetupPreferences preferences() {
        return new SetupPreferences(node);
    }

    @Override
    public void close() {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }
}
