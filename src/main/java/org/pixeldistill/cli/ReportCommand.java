package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pixeldistill.core.report.SweepReport;
import org.pixeldistill.core.run.AtomicFiles;
import org.pixeldistill.core.util.RelativePaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: a Markdown report of a sweep folder, from its sweep.csv and run folders. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a Markdown report of a sweep: set-up, accuracy per method and ratio, costs, the Pareto"
                + " front and findings drawn from the numbers.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sweep", required = true, description = "sweep folder, e.g. runs/sweeps/demo-fmnist-tas;"
            + " give it again to put several sweeps into one report, each as a part, in that order")
    List<Path> sweeps;

    @Option(names = "--out", description = "Markdown file to write (default: print to standard output)")
    Path out;

    @Option(names = "--command", description = "text recorded as what generated the report (default: this command line);"
            + " absolute paths in it are recorded relative to the working directory")
    String command;

    @Override
    public Integer call() {
        // the report names no folder of this machine: the command's paths are written relative to
        // where it was typed (so it still runs from there), the report's own relative to its folder
        Path here = Path.of("").toAbsolutePath();
        Path reportDir = out == null ? here : out.toAbsolutePath().getParent();
        String generatedBy = command != null ? RelativePaths.inText(here, command) : commandLine(here);
        String markdown = SweepReport.render(sweeps, reportDir, generatedBy);
        if (out == null) {
            System.out.print(markdown);
        } else {
            AtomicFiles.writeString(out, markdown);
            System.out.println("report: " + out);
        }
        return 0;
    }

    /**
     * The command as typed, rebuilt from the parsed arguments (quoted where a shell would need it),
     * an absolute path among them relative to {@code here}.
     */
    private String commandLine(Path here) {
        // the root's original arguments hold the whole line, subcommand name included
        List<String> words = new ArrayList<>(List.of(spec.root().name()));
        for (String typed : spec.root().commandLine().getParseResult().originalArgs()) {
            String arg = typed.startsWith("/") ? RelativePaths.of(here, Path.of(typed)) : typed;
            words.add(arg.matches("[A-Za-z0-9_./=:,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}
