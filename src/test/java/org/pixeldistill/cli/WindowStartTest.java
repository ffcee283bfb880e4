package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which arguments open the window, and how its --runs/--data reach it (as JavaFX named parameters). */
class WindowStartTest {
    @Test
    void noArgumentsOrTheWindowsOptionsFirstOpenTheWindowACommandDoesNot() {
        assertTrue(WindowStart.opensWindow(new String[0]));
        assertTrue(WindowStart.opensWindow(new String[] {"--runs", "r"}));
        assertTrue(WindowStart.opensWindow(new String[] {"--runs=r"}));
        assertTrue(WindowStart.opensWindow(new String[] {"--out", "r"}));
        assertTrue(WindowStart.opensWindow(new String[] {"--data", "d", "--runs", "r"}));
        assertFalse(WindowStart.opensWindow(new String[] {"info", "--runs", "r"}));
        assertFalse(WindowStart.opensWindow(new String[] {"--help"}));
        assertFalse(WindowStart.opensWindow(new String[] {"--version"}));
        assertFalse(WindowStart.opensWindow(new String[] {"--runsX"}), "not the option, left to picocli's error");
    }

    @Test
    void theWindowGetsTheFoldersAsNamedParameters() {
        assertEquals(List.of(), WindowStart.parameters(new String[0]));
        assertEquals(List.of("--runs=my runs"), WindowStart.parameters(new String[] {"--runs", "my runs"}));
        assertEquals(List.of("--runs=r", "--data=d"), WindowStart.parameters(new String[] {"--data=d", "--out", "r"}));
    }

    @Test
    void badWindowArgumentsGiveOneLineAndExitCode2WithoutOpeningIt() {
        for (String[] args : List.of(new String[] {"--runs"}, new String[] {"--runs", "r", "train"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = WindowStart.open(args, new PrintStream(err, true, StandardCharsets.UTF_8));
            String line = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, code, line);
            assertTrue(line.startsWith("error: "), line);
            assertTrue(line.contains("--runs DIR"), "names the usage: " + line);
            assertEquals(1, line.lines().count(), line);
        }
    }
}
