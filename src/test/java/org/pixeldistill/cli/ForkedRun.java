package org.pixeldistill.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command of the jar in a JVM of its own (as a user starts it), to test what only a process
 * shows: its exit code, its answer to a signal, being killed. Its stdout is read line by line so a
 * test can act at a chosen point; stderr goes to a file.
 */
final class ForkedRun implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path err;
    private final StringBuilder seen = new StringBuilder();
    private boolean killed;

    private ForkedRun(Process process, Path err) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.err = err;
    }

    /**
     * Starts {@code Main} with {@code args}. {@code relaunch}: without the environment libtorch
     * needs, so that this JVM starts the training in a child JVM as the jar does for a user.
     */
    static ForkedRun start(Path workDir, boolean relaunch, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        if (relaunch) {
            pb.environment().remove("OMP_WAIT_POLICY");
            pb.environment().remove("OPT_OUT_TRACKING");
        } else {
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            pb.environment().put("OPT_OUT_TRACKING", "true");
        }
        Process p = pb.start();
        p.getOutputStream().close();
        return new ForkedRun(p, err);
    }

    /** Reads stdout until a line matches; false if the process ended first. */
    boolean awaitLine(Predicate<String> match) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (match.test(line)) {
                return true;
            }
        }
        return false;
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL; the JDK closes the process's streams with it, so nothing more is read. */
    void killHard() {
        killed = true;
        process.destroyForcibly();
    }

    /** Drains stdout and waits for the exit code. */
    int exitCode() throws IOException, InterruptedException {
        if (!killed) {
            awaitLine(line -> false);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked run did not end:\n" + seen);
        }
        return process.exitValue();
    }

    String out() {
        return seen.toString();
    }

    String err() throws IOException {
        return Files.readString(err);
    }

    /** Whether this JVM ignores a signal (bit n-1 of SigIgn): a forked process then ignores it too. */
    static boolean ignored(int signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
