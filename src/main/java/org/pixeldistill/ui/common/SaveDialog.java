package org.pixeldistill.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import org.pixeldistill.core.util.Texts;

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

    /**
     * The PNG export of a panel: asks where (starting in {@code folder}'s last value), writes with
     * {@code write}, remembers the folder and reports "Exported NAME" or "Export failed: why" in one
     * line through {@code report}. Nothing happens when the user cancels.
     */
    public static void exportPng(Node owner, String title, String initialName,
            ObjectProperty<String> folder, Consumer<Path> write,
            Consumer<String> report) {
        String dir = folder.get();
        Path file = png(owner, title, initialName, dir == null || dir.isEmpty() ? null : Path.of(dir));
        if (file == null) {
            return;
        }
        try {
            write.accept(file);
            if (file.toAbsolutePath().getParent() != null) {
                folder.set(file.toAbsolutePath().getParent().toString());
            }
            report.accept("Exported " + file.getFileName());
        } catch (RuntimeException ex) {
            report.accept("Export failed: " + Texts.oneLine(ex));
        }
    }
}
