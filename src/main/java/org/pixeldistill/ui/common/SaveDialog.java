package org.pixeldistill.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** The save dialog every export of the workbench asks through (charts and panels as PNG, tables as CSV). */
public final class SaveDialog {
    private SaveDialog() {}

    /**
     * Asks where to save; null when the user cancels.
     *
     * @param owner any node of the window the dialog belongs to
     * @param startIn the folder the dialog opens in when it exists (the last export's), else null
     * @param kind e.g. "PNG image"; {@code pattern} e.g. "*.png"
     */
    public static Path ask(Node owner, String title, String initialName, Path startIn, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(initialName);
        if (startIn != null && Files.isDirectory(startIn)) {
            chooser.setInitialDirectory(startIn.toFile());
        }
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    /** {@link #ask} for a PNG image. */
    public static Path png(Node owner, String title, String initialName, Path startIn) {
        return ask(owner, title, initialName, startIn, "PNG image", "*.png");
    }
}
