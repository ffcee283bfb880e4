package org.pixeldistill.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where runs go: the command line, PDW_RUNS, the workbench's choice, a project's runs/, else the user's folder. */
class RunsLocationTest {
    @TempDir
    Path tmp;

    private Path userData() {
        return tmp.resolve("home/.local/share/pixel-distillation-workbench");
    }

    @Test
    void aProjectFolderWithRunsKeepsThem() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project/runs")).getParent();
        RunsLocation where = RunsLocation.choose(null, Map.of(), null, project, userData());
        assertEquals(project.resolve("runs"), where.dir());
        assertEquals("runs/ in the working directory", where.reason());
    }

    @Test
    void elsewhereRunsGoToThePerUserFolder() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        RunsLocation where = RunsLocation.choose(null, Map.of(), null, home, userData());
        assertEquals(userData().resolve("runs"), where.dir());
        assertEquals("the per-user data folder", where.reason());
        assertEquals(false, Files.exists(home.resolve("runs")), "choosing creates nothing in the home folder");
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheRememberedChoiceWhichBeatsTheProject() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project/runs")).getParent();
        Map<String, String> env = Map.of(RunsLocation.ENV, tmp.resolve("from-env").toString());
        String remembered = tmp.resolve("remembered").toString();
        assertEquals(project.resolve("mine"), RunsLocation.choose(Path.of("mine"), env, remembered, project,
                userData()).dir(), "--runs, relative to the working directory");
        assertEquals(tmp.resolve("from-env"), RunsLocation.choose(null, env, remembered, project, userData()).dir());
        assertEquals(tmp.resolve("remembered"), RunsLocation.choose(null, Map.of(), remembered, project,
                userData()).dir());
        assertEquals(project.resolve("runs"), RunsLocation.choose(null, Map.of(RunsLocation.ENV, " "), "", project,
                userData()).dir(), "blank values count as unset");
    }

    @Test
    void aFolderChosenInTheWindowWinsAndUsingTheDefaultGoesBackToWhatThisStartWasGiven() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project/runs")).getParent();
        Map<String, String> env = Map.of(RunsLocation.ENV, tmp.resolve("from-env").toString());
        RunsLocation chosen = RunsLocation.afterChoice(tmp.resolve("picked"), Path.of("given"), env, project, userData());
        assertEquals(tmp.resolve("picked"), chosen.dir(), "the Runs menu's choice beats this start's --runs and PDW_RUNS");
        assertEquals("chosen in the workbench", chosen.reason());
        RunsLocation back = RunsLocation.afterChoice(null, Path.of("given"), env, project, userData());
        assertEquals(project.resolve("given"), back.dir(), "the default again: this start's --runs");
        assertEquals("given on the command line", back.reason());
        assertEquals(tmp.resolve("from-env"), RunsLocation.afterChoice(null, null, env, project, userData()).dir());
        assertEquals(project.resolve("runs"), RunsLocation.afterChoice(null, null, Map.of(), project, userData()).dir(),
                "without --runs or PDW_RUNS: the project's runs/");
    }

    @Test
    void theWorkbenchsChoiceIsRememberedAndForgotten() throws BackingStoreException {
        Preferences node = Preferences.userRoot().node("org/pixeldistill/runs-location-test-" + UUID.randomUUID());
        try {
            RunsLocation.remember(node, tmp.resolve("chosen"));
            assertEquals(tmp.resolve("chosen").toString(), RunsLocation.remembered(node));
            RunsLocation.remember(node, null);
            assertEquals(null, RunsLocation.remembered(node));
        } finally {
            node.removeNode();
        }
    }

    @Test
    void eachSystemHasItsOwnDataFolder() {
        Path home = Path.of("/home/ann");
        assertEquals(Path.of("/home/ann/.local/share/pixel-distillation-workbench"),
                AppFolders.userData(Map.of(), "Linux", home));
        assertEquals(Path.of("/data/ann/pixel-distillation-workbench"),
                AppFolders.userData(Map.of("XDG_DATA_HOME", "/data/ann"), "Linux", home));
        assertEquals(Path.of("/home/ann/.local/share/pixel-distillation-workbench"),
                AppFolders.userData(Map.of("XDG_DATA_HOME", "relative"), "Linux", home), "XDG: relative is ignored");
        assertEquals(Path.of("/home/ann/Library/Application Support/PixelDistillationWorkbench"),
                AppFolders.userData(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("/lad/PixelDistillationWorkbench"),
                AppFolders.userData(Map.of("LOCALAPPDATA", "/lad"), "Windows 11", home));
        assertEquals(Path.of("/home/ann/.cache/pixel-distillation-workbench"),
                AppFolders.userCache(Map.of(), "Linux", home));
    }
}
