package org.pixeldistill.core.util;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folders the program keeps its files in, by each system's convention: runs under the
 * data folder, the unpacked demo under the cache folder (it can always be unpacked again).
 */
public final class AppFolders {
    /** Folder name on Linux (lower case, as XDG folders are). */
    static final String LINUX_NAME = "pixel-distillation-workbench";
    /** Folder name on Windows and macOS (as installed applications name theirs). */
    static final String DESKTOP_NAME = "PixelDistillationWorkbench";

    private AppFolders() {}

    /** This user's data folder on this system. */
    public static Path userData() {
        return userData(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /** This user's cache folder on this system. */
    public static Path userCache() {
        return userCache(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /** Linux: $XDG_DATA_HOME or ~/.local/share; Windows: %LOCALAPPDATA%; macOS: ~/Library/Application Support. */
    static Path userData(Map<String, String> env, String os, Path home) {
        return switch (system(os)) {
            case WINDOWS -> localAppData(env, home).resolve(DESKTOP_NAME);
            case MAC -> home.resolve("Library").resolve("Application Support").resolve(DESKTOP_NAME);
            case OTHER -> xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(LINUX_NAME);
        };
    }

    /** Linux: $XDG_CACHE_HOME or ~/.cache; Windows: %LOCALAPPDATA%\...\cache; macOS: ~/Library/Caches. */
    static Path userCache(Map<String, String> env, String os, Path home) {
        return switch (system(os)) {
            case WINDOWS -> localAppData(env, home).resolve(DESKTOP_NAME).resolve("cache");
            case MAC -> home.resolve("Library").resolve("Caches").resolve(DESKTOP_NAME);
            case OTHER -> xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(LINUX_NAME);
        };
    }

    private enum OsKind { WINDOWS, MAC, OTHER }

    private static OsKind system(String os) {
        String name = os == null ? "" : os.toLowerCase(Locale.ROOT);
        return name.startsWith("windows") ? OsKind.WINDOWS : name.startsWith("mac") ? OsKind.MAC : OsKind.OTHER;
    }

    private static Path localAppData(Map<String, String> env, Path home) {
        String v = env.get("LOCALAPPDATA");
        return v == null || v.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(v);
    }

    /** The XDG spec: an unset, empty or relative value means the default. */
    private static Path xdg(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() || !Path.of(v).isAbsolute() ? fallback : Path.of(v);
    }
}
