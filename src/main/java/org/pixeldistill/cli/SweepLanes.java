package org.pixeldistill.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.RunCancelledException;
import org.pixeldistill.core.pipeline.FrozenNetworks;
import org.pixeldistill.core.sweep.LaneScheduler;
import org.pixeldistill.core.sweep.SweepCell;
import org.pixeldistill.core.sweep.SweepRunner;
import org.pixeldistill.core.sweep.slurm.SlurmPlanFile;
import org.pixeldistill.core.sweep.slurm.SweepJobs;
import org.pixeldistill.core.util.Texts;

/**
 * {@code sweep --lanes N}: the sweep's plan (the same plan.json a Slurm sweep writes) run on this
 * machine, up to N jobs at once, each job a JVM of its own ({@code sweep --plan P --cell N} or
 * {@code --prepare NAME}) with its output in {@code <sweep>/slurm/logs/}. This JVM prints when
 * each job starts and ends and, every minute, the last progress line of each running one.
 */
final class SweepLanes {
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int TAIL_BYTES = 4096;

    private SweepLanes() {}

    static int run(SweepCommand sweep, SweepCommand.Planned planned, List<String> originalArgs, int lanes,
            Map<String, CostReport> costs) {
        long start = System.nanoTime();
        SweepRunner status = sweep.runner(planned, null);
        List<SweepCell> unfinished = status.unfinished(planned.cells());
        if (unfinished.isEmpty()) {
            System.out.println("every cell of the sweep has finished already");
            return writeTable(sweep, planned, status, costs);
        }
        SweepJobs.Plan jobs = SweepJobs.of(planned.cells(), sweep.out, status::cellDir);
        List<String> args = new ArrayList<>(SlurmSweepOptions.withoutThese(originalArgs));
        int threads = threadsPerLane(sweep, planned.base(), lanes);
        if (threads > 0) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
        SlurmPlanFile plan = new SlurmPlanFile(planned.base().name(), planned.sweepDir().toString(),
                Path.of("").toAbsolutePath().toString(), args, jobs.prerequisites(), jobs.cells());
        plan.write();
        Path logs = SlurmSweepActions.createLogs(planned.sweepDir());
        List<LaneScheduler.Job> torun = toRun(LaneScheduler.jobsOf(jobs, c -> work(planned.cells().get(c.index()).config())),
                unfinished.stream().map(c -> planned.cells().indexOf(c)).collect(Collectors.toSet()));
        String each = threads == 0 ? "libtorch threads as --threads or train.threads sets them"
                : threads == 1 ? "1 libtorch thread each" : threads + " libtorch threads each";
        System.out.printf(Locale.ROOT, "%d jobs in %d lanes (%s); plan %s, logs in %s%n", torun.size(), lanes, each,
                SlurmPlanFile.fileOf(planned.sweepDir()), logs);
        Map<String, Path> running = new ConcurrentHashMap<>();
        Map<String, LaneScheduler.Outcome> outcomes;
        try (CancelOnShutdown shutdown = new CancelOnShutdown()) {
            Cancellation cancel = shutdown.cancellation();
            LaneScheduler scheduler = new LaneScheduler(torun, lanes, cancel);
            Thread reporter = reporter(running);
            try {
                outcomes = scheduler.run((job, lane) -> runJob(job, plan, logs, cancel, running), printer(start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException("interrupted");
            } finally {
                reporter.interrupt();
            }
            if (cancel.isCancelled()) {
                writeTable(sweep, planned, status, costs);
                throw new RunCancelledException("the last completed epoch of each stopped cell is saved; run the same"
                        + " sweep command again to continue");
            }
        }
        writeTable(sweep, planned, status, costs);
        List<String> notFinished = outcomes.entrySet().stream()
                .filter(e -> e.getValue().state() != LaneScheduler.State.FINISHED)
                .map(e -> e.getKey() + " (" + e.getValue().why() + ")").toList();
        System.out.println("sweep done in " + Texts.duration((System.nanoTime() - start) / 1e9)
                + (notFinished.isEmpty() ? ": every job finished" : "; not finished: " + String.join(", ", notFinished)));
        return notFinished.isEmpty() ? 0 : 2;
    }

    /**
     * The libtorch threads of each lane's JVM: the cores shared out, unless --threads or the
     * config's train.threads says otherwise (0 here: leave it to them).
     */
    static int threadsPerLane(SweepCommand sweep, RunConfig base, int lanes) {
        if (sweep.options.threads != null || base.train().threads() != 0) {
            return 0;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / lanes);
    }

    /**
     * A cell's work, for the order of ready cells: pixels per image x epochs x seeds, doubled when
     * it runs its teacher or assistant live. Only the order matters, not the scale.
     */
    static double work(RunConfig cfg) {
        double live = cfg.isDistillation() && !FrozenNetworks.usesTeacherCache(cfg) ? 2 : 1;
        double size = cfg.model().inputSize();
        return size * size * cfg.train().epochs() * cfg.train().seeds().size() * live;
    }

    /** The unfinished cells and the prerequisites they wait for, directly or through another. */
    static List<LaneScheduler.Job> toRun(List<LaneScheduler.Job> all, Set<Integer> unfinishedCells) {
        Set<String> needed = new HashSet<>();
        List<LaneScheduler.Job> cells = all.stream().filter(j -> j.isCell() && unfinishedCells.contains(j.cell())).toList();
        cells.forEach(c -> needed.addAll(c.needs()));
        List<LaneScheduler.Job> prerequisites = all.stream().filter(j -> !j.isCell()).toList();
        // prerequisites come after those they wait for: walking them backwards collects the chain
        for (int i = prerequisites.size() - 1; i >= 0; i--) {
            if (needed.contains(prerequisites.get(i).name())) {
                needed.addAll(prerequisites.get(i).needs());
            }
        }
        List<LaneScheduler.Job> out = new ArrayList<>(prerequisites.stream().filter(p -> needed.contains(p.name())).toList());
        out.addAll(cells);
        return out;
    }

    private static int runJob(LaneScheduler.Job job, SlurmPlanFile plan, Path logs, Cancellation cancel,
            Map<String, Path> running) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Relauncher.javaCommand());
        command.addAll(List.of("sweep", "--plan", SlurmPlanFile.fileOf(Path.of(plan.sweepDir())).toString()));
        command.addAll(job.isCell() ? List.of("--cell", job.cell().toString()) : List.of("--prepare", job.prepare()));
        Path log = logs.resolve((job.isCell() ? "cell-" + job.cell() : job.prepare()) + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        NativeEnvironment.fill(pb.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        running.put(job.name(), log);
        try {
            boolean told = false;
            while (!p.waitFor(1, TimeUnit.SECONDS)) {
                if (cancel.isCancelled() && !told) {
                    p.destroy(); // SIGTERM: the job saves its last completed epoch and exits with 3
                    told = true;
                }
            }
            return p.exitValue();
        } finally {
            running.remove(job.name());
        }
    }

    private static LaneScheduler.Listener printer(long start) {
        return new LaneScheduler.Listener() {
            private final Map<String, Long> began = new ConcurrentHashMap<>();

            @Override
            public void started(LaneScheduler.Job job, int lane) {
                began.put(job.name(), System.nanoTime());
                System.out.println("lane " + lane + ": " + job.name() + " started (" + elapsed(start) + " into the sweep)");
            }

            @Override
            public void ended(LaneScheduler.Job job, int lane, LaneScheduler.Outcome outcome) {
                String took = Texts.duration((System.nanoTime() - began.getOrDefault(job.name(), start)) / 1e9);
                System.out.println("lane " + lane + ": " + job.name() + " "
                        + (outcome.state() == LaneScheduler.State.FINISHED ? "finished" : "did not finish (" + outcome.why() + ")")
                        + " after " + took);
            }
        };
    }

    /** Every minute, the last line of each running job's log: its epoch, speed and time left. */
    private static Thread reporter(Map<String, Path> running) {
        Thread t = new Thread(() -> {
            long next = System.nanoTime() + REPORT_EVERY_NANOS;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    if (System.nanoTime() < next) {
                        continue;
                    }
                    next += REPORT_EVERY_NANOS;
                    running.forEach((name, log) -> System.out.println("  " + name + ": " + lastLine(log)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-lanes-report");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last non-blank line of a log, read from its last few kilobytes (logs of long jobs grow to megabytes). */
    static String lastLine(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip();
                }
            }
        } catch (IOException e) {
            // not written yet: nothing to show this time
        }
        return "(no output yet)";
    }

    private static String elapsed(long start) {
        return Texts.duration((System.nanoTime() - start) / 1e9);
    }

    private static int writeTable(SweepCommand sweep, SweepCommand.Planned planned, SweepRunner runner,
            Map<String, CostReport> costs) {
        Path csv = planned.sweepDir().resolve("sweep.csv");
        sweep.writeTable(csv, runner.status(planned.cells()), costs);
        System.out.println("table: " + csv);
        return 0;
    }
}
