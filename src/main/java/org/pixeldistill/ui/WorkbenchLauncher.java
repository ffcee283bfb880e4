package org.pixeldistill.ui;

import javafx.application.Application;

/** Opens the workbench window from a main class that is not itself an Application (see cli.Main). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {}

    /** Blocks until the window is closed. */
    public static void launch(String[] args) {
        Application.launch(Workbench.class, args);
    }
}
