package org.pixeldistill.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.detect.DetectionDataSets;
import org.pixeldistill.core.detect.DetectionImages;
import org.pixeldistill.core.detect.DetectorSpecs;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepPlan;
import org.pixeldistill.core.sweep.SweepRunner;
import org.pixeldistill.core.sweep.SweepTable;
import org.pixeldistill.core.util.RunsLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: ratios x students x methods from one base config, with costs and a Pareto front. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train a grid of ratios, students and methods from a base config (with a teacher); writes"
                + " sweep.csv with costs, accuracy and the Pareto front; run again to continue where it stopped.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--config", description = "base config with a teacher, e.g. sample-configs/demo-fashion-mnist-tas.yaml")
    Path config;

    @Option(names = "--ratios", split = ",", description = "reduction ratios r; the student sees S/r (default: ${DEFAULT-VALUE})")
    List<Integer> ratios = List.of(1, 2, 4);

    @Option(names = "--students", split = ",", description = "student backbones (default: the config's)")
    List<String> students;

    @Option(names = "--methods", split = ",", description = "classifiers: baseline, kd, at, isrd, tas (default:"
            + " baseline,kd,isrd,tas); detectors: baseline, unaligned, afp (default: all three)")
    List<String> methods;

    @Option(names = "--methods-at-r1", split = ",",
            description = "methods at r = 1, the reference where the student sees the teacher's input (default: all of --methods)")
    List<String> methodsAtR1;

    @Option(names = "--seeds", description = "seeds per cell (default: ${DEFAULT-VALUE})")
    int seeds = 1;

    @Option(names = "--rounding", description = "when r does not divide S: none (an error), floor, round, ceil")
    String rounding = "none";

    @Option(names = "--eta", description = "ISRD weight; 0 = METHOD.md's rule: " + IsrdConfig.ETA_RULE
            + " (default: ${DEFAULT-VALUE})")
    double eta = 0;

    @Option(names = "--cost-axis", description = "cost column of the Pareto front (default: ${DEFAULT-VALUE})")
    String axis = "macs";

    @Option(names = {"--runs", "--out"}, paramLabel = "DIR", description = "runs folder; the sweep goes to"
            + " <out>/sweeps/<name> (default: as train, `info` prints it)")
    Path out;


    @Mixin
    CostOptions costOptions = new CostOptions();



    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Mixin
    SlurmSweepOptions cluster = new SlurmSweepOptions();

    @Option(names = "--plan", description = "on a Slurm node: the sweep's slurm/plan.json, with --cell N or --prepare NAME")
    Path plan;

    @Option(names = "--cell", description = "with --plan: train this cell (its index in the plan) and update sweep.csv")
    Integer cell;

    @Option(names = "--prepare", description = "with --plan: build this prerequisite (teacher, assistant or teacher cache)")
    String prepare;

    @Option(names = "--status", paramLabel = "SWEEP_DIR", description = "list a Slurm sweep's jobs: queued, running, finished, failed or stopped")
    Path status;

    @Option(names = "--cancel", paramLabel = "SWEEP_DIR", description = "cancel a Slurm sweep's jobs still in the queue (scancel)")
    Path cancelDir;

    @Spec
    CommandSpec spec;

    /** The cells of a sweep and where its records go. */
    record Planned(RunConfig base, List<SweepCell> cells, Path sweepDir) {}

    @Override
    public Integer call() {
        if (status != null) {
            return SlurmSweepActions.status(status);
        }
        if (cancelDir != null) {
            return SlurmSweepActions.cancel(cancelDir);
        }
        if (plan != null) {
            return SlurmSweepActions.onNode(plan, cell, prepare);
        }
        if (config == null) {
            throw new ConfigException("sweep: give --config FILE (or --plan, --status or --cancel)");
        }
        boolean slurm = cluster.slurm();
        Planned planned = planned();
        if (slurm) {
            return SlurmSweepActions.submit(this, planned, spec.commandLine().getParseResult().originalArgs());
        }
        Map<String, CostReport> costs = costs(planned.base(), planned.cells());
        if (cluster.lanes > 1) {
            return SweepLanes.run(this, planned, SlurmSweepActions.ownArgs(spec.commandLine().getParseResult().originalArgs()),
                    cluster.lanes, costs);
        }
        Path csv = planned.sweepDir().resolve("sweep.csv");
        try (CancelOnShutdown shutdown = new CancelOnShutdown()) {
            SweepRunner runner = runner(planned, shutdown.cancellation());
            runner.run(planned.cells(), results -> writeTable(csv, results, costs));
        } catch (RunCancelledException e) {
            // a sweep continues by being run again, not by resuming its cell
            throw new RunCancelledException("the last completed epoch is saved; run the same sweep command again"
                    + " to continue");
        }
        System.out.println("table: " + csv);
        return 0;
    }

    SweepRunner runner(Planned planned, Cancellation cancel) {
        return new SweepRunner(out, planned.sweepDir(), new ConsoleProgress(System.out), cancel);
    }

    void writeTable(Path csv, List<SweepRunner.Result> results, Map<String, CostReport> costs) {
        SweepTable.write(csv, results.stream().map(r -> new SweepTable.Row(r, costs.get(r.cell().id()))).toList(), axis);
    }

    /** Loads the base config and plans the grid, every cell checked, before anything trains. */
    Planned planned() {
        out = RunsLocation.current(out).dir();
        RunConfig base = options.load(config);
        SweepTable.checkAxis(axis);
        List<String> studentList = students == null ? List.of(base.model().backbone()) : students;
        if (methods == null) {
            methods = base.isDetection() ? SweepPlan.DETECTION_METHODS : List.of("baseline", "kd", "isrd", "tas");
        }
        List<SweepCell> cells = SweepPlan.plan(base,
                new SweepPlan.Options(ratios, studentList, methods, seeds, rounding, eta, methodsAtR1));
        System.out.printf(Locale.ROOT, "sweep %s: %d cells (%d ratios x %d students x %d methods%s), %d seed(s) each%n",
                base.name(), cells.size(), ratios.size(), studentList.size(), methods.size(),
                methodsAtR1 == null ? "" : ", " + String.join("+", methodsAtR1) + " at r = 1", seeds);
        return new Planned(base, cells, out.toAbsolutePath().resolve("sweeps").resolve(base.name()));
    }

    Map<String, CostReport> costs(RunConfig base, List<SweepCell> cells) {
        CostModel model = costOptions.model();
        if (base.isDetection()) {
            var data = DetectionDataSets.open(base.data(), base.detect());
            var test = new DetectionImages(data.test());
            String key = CostModel.datasetKey(base.data()) + ":canvas" + base.detect().canvas();
            Map<String, CostReport> out = new HashMap<>();
            for (SweepCell cell : cells) {
                var spec = DetectorSpecs.of(cell.config(), test.channels(), test.numClasses());
                out.put(cell.id(), model.evaluate(spec, key, () -> test));
            }
            return out;
        }
        DataSplits data = DataSets.open(base.data(), Path.of(""));
        Map<String, CostReport> out = new HashMap<>();
        for (SweepCell cell : cells) {
            var spec = BackboneSpec.from(cell.config().model(), data.test().channels(), data.test().numClasses());
            out.put(cell.id(), model.evaluate(spec, CostModel.datasetKey(base.data()), data::test));
        }
        return out;
    }
}
