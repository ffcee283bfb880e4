package org.pixeldistill.core.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Where runs go, and why. In order: a folder given on the command line ({@code --runs}/{@code --out}),
 * the {@value #ENV} environment variable, the folder chosen in the workbench (remembered), a
 * {@code runs/} folder that already exists in the working directory (the project folder keeps its
 * runs there), else {@code runs/} in the per-user data folder ({@link AppFolders#userData()}), so
 * that a program started from a menu, in the home folder, does not litter it.
 *
 * <p>The command line and the workbench window follow the same order. A folder given on the command
 * line (or in {@value #ENV}) is for that start only: it is never remembered, so the next plain start
 * goes back to the folder chosen in the workbench. Choosing a folder in the window's Runs menu is
 * the user's latest word: it is used at once, even over {@code --runs}, and remembered.
 *
 * @param dir the runs folder (absolute)
 * @param reason why this one, for {@code info} and the About box
 */
public record RunsLocation(Path dir, String reason) {
    /** Environment variable that names the runs folder. */
    public static final String ENV = "PDW_RUNS";
    /** The preferences node the workbench remembers its choices in (as the setup panel does). */
    public static final String PREFERENCES_NODE = "org/pixeldistill/workbench";
    /** The key of the remembered runs folder in that node. */
    public static final String PREFERENCE_KEY = "runs_folder";
    private static final String CHOSEN = "chosen in the workbench";

    /**
     * The choice itself, with every input given (tests pass their own).
     *
     * @param explicit a folder named on the command line, or null
     * @param remembered the folder chosen in the workbench, or null/empty
     */
    public static RunsLocation choose(Path explicit, Map<String, String> env, String remembered, Path workingDir,
            Path userData) {
        if (explicit != null) {
            return new RunsLocation(absolute(explicit, workingDir), "given on the command line");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new RunsLocation(absolute(Path.of(fromEnv), workingDir), "from " + ENV);
        }
        if (remembered != null && !remembered.isBlank()) {
            return new RunsLocation(absolute(Path.of(remembered), workingDir), CHOSEN);
        }
        Path local = workingDir.resolve("runs");
        if (Files.isDirectory(local)) {
            return new RunsLocation(local.toAbsolutePath().normalize(), "runs/ in the working directory");
        }
        return new RunsLocation(userData.resolve("runs").toAbsolutePath().normalize(), "the per-user data folder");
    }

    /** The choice for this process: its environment, working directory and the remembered folder. */
    public static RunsLocation current(Path explicit) {
        return choose(explicit, System.getenv(), remembered(preferences()), Path.of("").toAbsolutePath(),
                AppFolders.userData());
    }

    /**
     * Where runs go after the user acted in the window's Runs menu: the folder just chosen, or, for
     * "use the default" ({@code chosen} null, the remembered choice already forgotten), what this
     * start's command line, environment and working directory give.
     *
     * @param explicit the folder this start named on the command line, or null
     */
    public static RunsLocation afterChoice(Path chosen, Path explicit, Map<String, String> env, Path workingDir,
            Path userData) {
        if (chosen != null) {
            return new RunsLocation(absolute(chosen, workingDir), CHOSEN);
        }
        return choose(explicit, env, null, workingDir, userData);
    }

    /** {@link #afterChoice} for this process. */
    public static RunsLocation afterChoice(Path chosen, Path explicit) {
        return afterChoice(chosen, explicit, System.getenv(), Path.of("").toAbsolutePath(), AppFolders.userData());
    }

    /** The folder chosen in the workbench, or null. */
    public static String remembered(Preferences node) {
        String v = node.get(PREFERENCE_KEY, "");
        return v.isBlank() ? null : v;
    }

    /** Remembers {@code dir} as the runs folder (null forgets it: back to the default). */
    public static void remember(Preferences node, Path dir) {
        if (dir == null) {
            node.remove(PREFERENCE_KEY);
        } else {
            node.put(PREFERENCE_KEY, dir.toAbsolutePath().normalize().toString());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not remembered across starts; this start still uses it.
        }
    }

    /** The user's node the workbench remembers its choices in. */
    public static Preferences preferences() {
        return Preferences.userRoot().node(PREFERENCES_NODE);
    }

    private static Path absolute(Path p, Path workingDir) {
        return workingDir.resolve(p).toAbsolutePath().normalize();
    }
}
