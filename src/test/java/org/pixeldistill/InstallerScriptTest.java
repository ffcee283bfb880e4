package org.pixeldistill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * jpackage/build-installer.sh --dry-run: the jpackage command it would run for each system names
 * the icon in that system's format (and the file is one), the menu entry, the main jar and class.
 * Only the Linux .deb is ever built here; this is what can be checked of the .msi and .dmg.
 */
class InstallerScriptTest {
    private static final Path SCRIPT = Path.of("jpackage/build-installer.sh");

    private record Result(int code, String out) {}

    private static Result dryRun(String... options) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        List<String> command = new ArrayList<>(List.of("/bin/bash", SCRIPT.toString(), "--dry-run"));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    /** The value after {@code option} in the printed, shell-quoted command (bash's printf %q). */
    private static String value(String command, String option) {
        Matcher m = Pattern.compile("(?:^| )" + Pattern.quote(option) + " ((?:\\\\.|[^ \\\\])+)").matcher(command);
        assertTrue(m.find(), option + " missing from: " + command);
        return m.group(1).replaceAll("\\\\(.)", "$1");
    }

    private static void assertHasFlag(String command, String flag) {
        assertTrue((" " + command + " ").contains(" " + flag + " "), flag + " missing from: " + command);
    }

    private static void assertIconIs(String command, String file, byte[] magic) throws IOException {
        String icon = value(command, "--icon");
        assertEquals("jpackage/icon/" + file, icon);
        byte[] head = Arrays.copyOf(Files.readAllBytes(Path.of(icon)), magic.length);
        assertArrayEquals(magic, head, icon + " is not in the format its name says");
    }

    private static void assertRunsTheProgram(String command) {
        assertTrue(command.startsWith("jpackage "), command);
        assertEquals("pixel-distillation-workbench.jar", value(command, "--main-jar"));
        assertEquals("org.pixeldistill.cli.Main", value(command, "--main-class"));
        assertTrue(value(command, "--java-options").contains("-Dai.djl.offline=true"), command);
    }

    @Test
    void theLinuxDebHasTheIconTheMenuEntryAndTheJar() throws Exception {
        Result r = dryRun("--os", "linux");
        assertEquals(0, r.code(), r.out());
        String command = r.out().strip();
        assertEquals(1, command.lines().count(), "prints the command alone: " + r.out());
        assertRunsTheProgram(command);
        assertEquals("deb", value(command, "--type"));
        assertIconIs(command, "icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertHasFlag(command, "--linux-shortcut");
        assertEquals("Education;Science;", value(command, "--linux-menu-group"));
        assertEquals("/opt", value(command, "--install-dir"));
        assertEquals("jpackage/resources", value(command, "--resource-dir"));
        assertTrue(Files.exists(Path.of("jpackage/resources/postinst")));
    }

    @Test
    void theWindowsMsiHasAnIcoStartMenuDesktopShortcutAndAConsoleLauncher() throws Exception {
        Result r = dryRun("--os", "windows");
        assertEquals(0, r.code(), r.out());
        String command = r.out().strip();
        assertRunsTheProgram(command);
        assertEquals("msi", value(command, "--type"));
        assertIconIs(command, "icon.ico", new byte[] {0, 0, 1, 0});
        for (String flag : List.of("--win-menu", "--win-shortcut", "--win-dir-chooser")) {
            assertHasFlag(command, flag);
        }
        assertTrue(value(command, "--win-upgrade-uuid").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"), command);
        String launcher = value(command, "--add-launcher");
        assertTrue(launcher.startsWith("PixelDistillationWorkbenchConsole="), launcher);
        Path properties = Path.of(launcher.substring(launcher.indexOf('=') + 1));
        assertTrue(Files.readString(properties).contains("win-console=true"), properties.toString());
    }

    @Test
    void theMacDmgHasAnIcnsAndAMenuBarNameJpackageAccepts() throws Exception {
        Result r = dryRun("--os", "mac");
        assertEquals(0, r.code(), r.out());
        String command = r.out().strip();
        assertRunsTheProgram(command);
        assertEquals("dmg", value(command, "--type"));
        assertIconIs(command, "icon.icns", new byte[] {'i', 'c', 'n', 's'});
        String menuBarName = value(command, "--mac-package-name");
        assertTrue(menuBarName.length() < 16, "jpackage wants fewer than 16 characters: " + menuBarName);
        assertTrue(value(command, "--mac-package-identifier").matches("[A-Za-z0-9.-]+"), command);
        assertFalse(command.contains("--win-") || command.contains("--linux-"), command);
    }

    @Test
    void impossibleRequestsAreRefusedWithOneLine() throws Exception {
        Result cudaOnMac = dryRun("--os", "mac", "--cuda");
        assertEquals(2, cudaOnMac.code(), cudaOnMac.out());
        assertTrue(cudaOnMac.out().startsWith("error: "), cudaOnMac.out());
        Result unknown = dryRun("--os", "amiga");
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.out().startsWith("error: unknown system amiga"), unknown.out());
    }
}
