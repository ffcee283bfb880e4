package org.pixeldistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.pipeline.FrozenNetworks;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepRunner;
import org.pixeldistill.core.sweep.slurm.BatchScripts;
import org.pixeldistill.core.sweep.slurm.SlurmClient;
import org.pixeldistill.core.sweep.slurm.SlurmPlanFile;
import org.pixeldistill.core.sweep.slurm.SlurmSweep;
import org.pixeldistill.core.sweep.slurm.SweepJobs;
import org.pixeldistill.core.sweep.slurm.SweepStatus;
import picocli.CommandLine;

/** What {@code sweep} does with {@code --executor slurm}, on a node ({@code --plan}), and with --status and --cancel. */
final class SlurmSweepActions {
    private SlurmSweepActions() {}

    /** Writes plan.json and the batch scripts, then (unless --dry-run) submits them in dependency order. */
    static int submit(SweepCommand sweep, SweepCommand.Planned planned, List<String> args) {
        var settings = sweep.cluster.settings();
        SweepRunner runner = sweep.runner(planned, null);
        SweepJobs.Plan jobs = SweepJobs.of(planned.cells(), sweep.out, runner::cellDir);
        SlurmPlanFile plan = new SlurmPlanFile(planned.base().name(), planned.sweepDir().toString(),
                Path.of("").toAbsolutePath().toString(), SlurmSweepOptions.withoutThese(ownArgs(args)), jobs.prerequisites(),
                jobs.cells());
        plan.write();
        createLogs(planned.sweepDir());
        List<BatchScripts.Script> scripts = new BatchScripts(plan, settings).write();
        System.out.println("plan: " + SlurmPlanFile.fileOf(planned.sweepDir()));
        for (BatchScripts.Script s : scripts) {
            System.out.println("script: " + s.file() + (s.after().isEmpty() ? "" : " (after " + String.join(", ", s.after()) + ")"));
        }
        if (sweep.cluster.dryRun) {
            System.out.println("dry run: nothing submitted; each script goes to sbatch with --dependency=afterok: on the"
                    + " job ids of the scripts it is after");
            return 0;
        }
        new SlurmSweep(new SlurmClient()).submit(plan, scripts, System.out::println);
        System.out.println("watch: sweep --status " + planned.sweepDir() + "   cancel: sweep --cancel " + planned.sweepDir());
        return 0;
    }

    /** The arguments after the command's name: picocli's original arguments start with the whole command line. */
    static List<String> ownArgs(List<String> args) {
        int at = args.indexOf("sweep");
        return at < 0 ? args : args.subList(at + 1, args.size());
    }

    /** The folder of a sweep's job logs, created. */
    static Path createLogs(Path sweepDir) {
        Path logs = SlurmPlanFile.folderOf(sweepDir).resolve("logs");
        try {
            return Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            throw new ConfigException("cannot create " + logs + ": " + e.getMessage());
        }
    }

    /** On a node: trains one cell (exit 0 finished, 2 failed, 3 stopped) or builds one prerequisite. */
    static int onNode(Path planFile, Integer cell, String prepare) {
        if ((cell == null) == (prepare == null)) {
            throw new ConfigException("sweep --plan: give exactly one of --cell N and --prepare NAME");
        }
        SlurmPlanFile plan = SlurmPlanFile.read(planFile);
        SweepCommand sweep = new SweepCommand();
        new CommandLine(sweep).parseArgs(plan.args().toArray(String[]::new));
        SweepCommand.Planned planned = sweep.planned();
        int index = cell != null ? cell : plan.prerequisite(prepare).cell();
        SweepCell target = checkedCell(plan, planned, index);
        try (CancelOnShutdown shutdown = new CancelOnShutdown()) {
            if (prepare != null) {
                SweepJobs.Prerequisite p = plan.prerequisite(prepare);
                var frozen = new FrozenNetworks(sweep.out, new ConsoleProgress(System.out), shutdown.cancellation());
                Path log = SlurmPlanFile.folderOf(planned.sweepDir()).resolve("prepared").resolve(p.name());
                SweepJobs.build(p, target.config(), frozen, log);
                shutdown.cancellation().throwIfCancelled();
                System.out.println("prepared " + p.name() + ": " + p.kind() + " " + p.folder());
                return 0;
            }
            SweepRunner runner = sweep.runner(planned, shutdown.cancellation());
            runner.run(List.of(target), results -> {});
            shutdown.cancellation().throwIfCancelled();
            Map<String, CostReport> costs = sweep.costs(planned.base(), planned.cells());
            sweep.writeTable(planned.sweepDir().resolve("sweep.csv"), runner.status(planned.cells()), costs);
            var result = runner.status(List.of(target)).get(0);
            String state = result.summary() == null ? "not started" : result.summary().status();
            System.out.println("cell " + index + " " + target.id() + ": " + state);
            return "finished".equals(state) ? 0 : 2;
        }
    }

    /** The plan's cell, checked against the grid the arguments give now (the config may have changed since). */
    private static SweepCell checkedCell(SlurmPlanFile plan, SweepCommand.Planned planned, int index) {
        SweepJobs.Cell expected = plan.cell(index);
        if (index >= planned.cells().size() || !planned.cells().get(index).id().equals(expected.id())) {
            throw new ConfigException("cell " + index + " of the plan is " + expected.id()
                    + ", but the sweep's config now gives another grid: write the plan again");
        }
        return planned.cells().get(index);
    }

    static int status(Path sweepDir) {
        Path dir = sweepDir.toAbsolutePath();
        List<SweepStatus.Line> lines = SweepStatus.read(dir, new SlurmClient().queue());
        System.out.print(SweepStatus.format(lines));
        return 0;
    }

    static int cancel(Path sweepDir) {
        List<String> ids = new SlurmSweep(new SlurmClient()).cancel(sweepDir.toAbsolutePath());
        System.out.println(ids.isEmpty() ? "no job of this sweep is in the queue" : "cancelled " + String.join(" ", ids));
        return 0;
    }
}
