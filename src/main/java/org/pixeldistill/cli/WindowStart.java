package org.pixeldistill.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.ui.WorkbenchLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The program started without a command opens the workbench window; the window's own options come
 * before any command: {@code --runs DIR} (the runs folder for this start, as {@code train --runs}
 * takes it, never remembered) and {@code --data DIR} (the demo data). They are handed to the window
 * as JavaFX named parameters ({@code --runs=DIR}), which is what {@code ui.Workbench} reads.
 */
@Command(name = "pixel-distillation-workbench")
final class WindowStart {
    static final String USAGE = "usage: pixel-distillation-workbench [--runs DIR] [--data DIR] (the window),"
            + " or a command (--help lists them)";

    @Option(names = {"--runs", "--out"}, paramLabel = "DIR", description = "the runs folder for this start")
    Path runs;

    @Option(names = "--data", paramLabel = "DIR", description = "the demo data folder")
    Path data;

    /** True when these arguments open the window: none at all, or the window's options first. */
    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        for (String option : List.of("--runs", "--out", "--data")) {
            if (first.equals(option) || first.startsWith(option + "=")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The window's parameters for these arguments.
     *
     * @throws CommandLine.ParameterException on anything else (a missing DIR, a command after them)
     */
    static List<String> parameters(String[] args) {
        WindowStart options = new WindowStart();
        new CommandLine(options).parseArgs(args);
        List<String> named = new ArrayList<>();
        if (options.runs != null) {
            named.add("--runs=" + options.runs);
        }
        if (options.data != null) {
            named.add("--data=" + options.data);
        }
        return named;
    }

    /** Opens the window and blocks until it closes; bad arguments: one line on {@code err}, code 2. */
    static int open(String[] args, PrintStream err) {
        List<String> parameters;
        try {
            parameters = parameters(args);
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage() + " (" + USAGE + ")");
            return ErrorHandler.FAILED;
        }
        WorkbenchLauncher.launch(parameters.toArray(String[]::new));
        return 0;
    }
}
