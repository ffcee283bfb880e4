package org.pixeldistill.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar. Not a JavaFX Application on purpose: JavaFX on the class path refuses
 * to start an Application main directly.
 */
@Command(
        name = "pixel-distillation-workbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {"Pixel distillation: train, distil, evaluate and benchmark networks at reduced input sizes.",
                "Without a command it opens the workbench window: --runs DIR gives its runs folder for this"
                        + " start (not remembered), --data DIR its demo data."},
        subcommands = {TrainCommand.class, EvalCommand.class, InfoCommand.class, BenchCommand.class, CostCommand.class,
                SweepCommand.class, SliceCommand.class, ReportCommand.class, ExportCommand.class})
public final class Main implements Runnable {
    /** Set in the environment of the child JVM so that it does not start another one. */
    static final String RELAUNCHED = "PDW_RELAUNCHED";

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (needsRelaunch(args)) {
            System.exit(Relauncher.relaunch(args));
        }
        if (WindowStart.opensWindow(args)) {
            // No command: the workbench window, with its --runs/--data if given (usage stays on --help).
            System.exit(WindowStart.open(args, System.err));
        }
        System.exit(run(args));
    }

    /** Runs a command in this JVM and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return ErrorHandler.handleError(e);
        }
    }

    @Override
    public void run() {
        // Reached without a command only through run() (tests, embedding): main() opens the workbench instead.
        CommandLine.usage(this, System.out);
    }

    /**
     * libtorch reads some settings from the environment when it loads, which a running JVM cannot
     * change ({@link NativeEnvironment}); a JVM started without them runs the command in a child
     * JVM that has them.
     */
    static boolean needsRelaunch(String[] args) {
        if (NativeEnvironment.isComplete(System.getenv()) || System.getenv(RELAUNCHED) != null) {
            return false;
        }
        List<String> trainingCommands = new ArrayList<>(List.of("train", "eval", "bench", "sweep"));
        // The workbench window trains too.
        return WindowStart.opensWindow(args) || trainingCommands.contains(args[0]);
    }
}
