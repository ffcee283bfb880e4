package org.pixeldistill.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** The open dialog for a YAML run config (the counterpart of {@link SaveDialog}). */
public final class OpenDialog {
    private OpenDialog() {}

    /** Asks for a .yaml/.yml file; null when the user cancels. {@code startIn} is used when it exists. */
    public static Path yaml(Node owner, String title, Path startIn) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Run configs (YAML)", "*.yaml", "*.yml"));
        if (startIn != null && Files.isDirectory(startIn)) {
            chooser.setInitialDirectory(startIn.toFile());
        }
        File file = chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return file == null ? null : file.toPath();
    }
}
