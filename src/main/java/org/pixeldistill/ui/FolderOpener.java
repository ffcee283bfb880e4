package org.pixeldistill.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a folder in the system's file manager, off the UI thread (opening can block for a while). */
final class FolderOpener {
    private FolderOpener() {}

    /** Starts opening {@code dir} (created if missing); a failure is reported to {@code onError}. */
    static void open(Path dir, java.util.function.Consumer<String> onError) {
        Thread t = new Thread(() -> {
            try {
                Files.createDirectories(dir);
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(dir.toFile());
                } else {
                    new ProcessBuilder(command(dir)).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                onError.accept("cannot open " + dir + ": " + e.getMessage());
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }

    /** Where AWT's Desktop cannot (a headless AWT, some Linux desktops): each system's own opener. */
    static List<String> command(Path dir) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String opener = os.startsWith("windows") ? "explorer" : os.startsWith("mac") ? "open" : "xdg-open";
        return List.of(opener, dir.toString());
    }
}
