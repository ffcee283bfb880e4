package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.core.util.RunsLocation;

/**
 * The program started where the project is not (a menu launcher starts it in the home folder): in a
 * forked JVM whose working directory has no assets/, sample-configs/ or runs/, the README's commands
 * find the bundled configs and demo data, and runs go to the per-user folder or to --runs.
 */
class StartedElsewhereTest {
    @TempDir
    Path home;

    /** Runs the program in {@code home} with XDG_DATA_HOME inside it and no PDW_RUNS. */
    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove(RunsLocation.ENV);
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private record Result(int code, String out) {}

    private static List<Path> runFolders(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> Files.exists(d.resolve("summary.json"))).toList();
        }
    }

    @Test
    void theReadmeDemoRunsByConfigNameOnTheBundledDataIntoThePerUserFolder() throws Exception {
        Result r = run("train", "--config", "demo-fashion-mnist-baseline", "--set", "train.epochs=1",
                "--set", "data.train_limit=100", "--set", "data.test_limit=50", "--set", "name=elsewhere");
        assertEquals(0, r.code(), r.out());
        Path userRuns = home.resolve("data/pixel-distillation-workbench/runs");
        List<Path> made = runFolders(userRuns);
        assertEquals(1, made.size(), r.out());
        String config = Files.readString(made.get(0).resolve("config.yaml"));
        assertTrue(config.contains(BundledFiles.demoData().toString()), "trained on the bundled demo: " + config);
        assertFalse(Files.exists(home.resolve("runs")), "nothing is written in the working directory");
    }

    @Test
    void runsGoWhereTheCommandLineSaysAndInfoTellsWhere() throws Exception {
        Result info = run("info", "--runs", "elsewhere-runs");
        assertEquals(0, info.code(), info.out());
        assertTrue(info.out().contains("Runs folder: " + home.resolve("elsewhere-runs") + " (given on the command line)"),
                info.out());
        assertTrue(info.out().contains("Demo data: " + BundledFiles.demoData()), info.out());
        assertTrue(info.out().contains("libtorch: cpu"), info.out());
        Result plain = run("info");
        assertTrue(plain.out().contains("Runs folder: " + home.resolve("data/pixel-distillation-workbench/runs")
                + " (the per-user data folder)"), plain.out());

        Result bad = run("train", "--config", "no-such-config");
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.out().contains("config file not found: no-such-config (bundled configs, usable by name:"),
                bad.out());
        assertTrue(bad.out().contains("demo-fashion-mnist-isrd"), bad.out());
    }
}
