package org.pixeldistill.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the same program in a child JVM with the environment training needs. */
final class Relauncher {
    private Relauncher() {}

    /** This program in a new JVM, started as this one was (its JVM options, offline); the command's arguments follow. */
    static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        return command;
    }

    static int relaunch(String[] args) {
        List<String> command = javaCommand();
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        NativeEnvironment.fill(pb.environment());
        pb.environment().put(Main.RELAUNCHED, "1");
        try {
            Process child = pb.start();
            // A signal sent to this JVM alone (kill -INT, kill -TERM, a scheduler's stop) is passed
            // on as SIGTERM, which the child handles like Ctrl-C; Ctrl-C in a terminal reaches
            // both. Either way this JVM waits and exits with the child's code (3 when stopped).
            StopSignals forward = new StopSignals(child::destroy);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (child.isAlive()) {
                    child.destroy();
                    try {
                        child.waitFor();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            int code = child.waitFor();
            forward.close();
            return code;
        } catch (Exception e) {
            System.err.println("error: cannot start the training JVM (" + e.getMessage() + "); set "
                    + NativeEnvironment.required() + " in the environment and run again");
            return 1;
        }
    }
}
