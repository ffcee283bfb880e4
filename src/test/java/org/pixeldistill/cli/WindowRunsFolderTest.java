package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.util.RunsLocation;

/**
 * The window started as a user starts it (the program's main with {@code --runs DIR}, or with
 * PDW_RUNS set), in a forked JVM on a headless screen with preferences of its own that remember
 * another folder: the window's runs folder is the one given, and the remembered choice is kept.
 * The window prints its runs folder as {@code info} does, which is what is read here.
 */
class WindowRunsFolderTest {
    @TempDir
    Path home;

    private Path prefsFile() {
        // java.util.prefs on Linux/macOS: <userRoot>/.java/.userPrefs/<node path>/prefs.xml
        return home.resolve("prefs/.java/.userPrefs/" + RunsLocation.PREFERENCES_NODE + "/prefs.xml");
    }

    private void rememberInThePreferences(Path dir) throws IOException {
        Files.createDirectories(prefsFile().getParent());
        Files.writeString(prefsFile(), """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
                <map MAP_XML_VERSION="1.0">
                  <entry key="%s" value="%s"/>
                </map>
                """.formatted(RunsLocation.PREFERENCE_KEY, dir));
    }

    /** Starts the window, returns the line where it names its runs folder, then closes it. */
    private String windowRunsLine(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove(RunsLocation.ENV);
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        // the native settings present: the window opens in this JVM, not in a restarted child
        env.putAll(NativeEnvironment.required());
        env.putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    seen.append(l).append('\n');
                    if (l.startsWith("Runs folder: ")) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(180, TimeUnit.SECONDS);
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            assertTrue(seen.indexOf("Runs folder: ") >= 0, "the window never named its runs folder:\n" + seen);
        }
    }

    @Test
    void theRunsFolderGivenOnTheCommandLineIsTheWindowsForThisStartOnly() throws Exception {
        Path remembered = home.resolve("remembered-runs");
        rememberInThePreferences(remembered);

        assertEquals("Runs folder: " + home.resolve("given-runs") + " (given on the command line)",
                windowRunsLine(Map.of(), "--runs", "given-runs"));
        assertTrue(Files.readString(prefsFile()).contains("value=\"" + remembered + "\""),
                "--runs is for this start only: " + Files.readString(prefsFile()));

        assertEquals("Runs folder: " + remembered + " (chosen in the workbench)", windowRunsLine(Map.of()),
                "the next plain start goes back to the remembered folder");

        Path fromEnv = home.resolve("env-runs");
        assertEquals("Runs folder: " + fromEnv + " (from " + RunsLocation.ENV + ")",
                windowRunsLine(Map.of(RunsLocation.ENV, fromEnv.toString())));
    }
}
