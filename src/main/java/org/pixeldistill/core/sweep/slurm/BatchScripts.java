package org.pixeldistill.core.sweep.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pixeldistill.core.run.AtomicFiles;

/**
 * Writes a sweep's batch scripts: one per prerequisite and one job array per set of cells that
 * wait for the same prerequisites (array task id = cell index). Each runs the workbench jar on the
 * node: {@code sweep --plan <plan.json> --prepare NAME} or {@code --cell N}.
 *
 * <p>How a stop is handled: Slurm signals the batch shell ({@code --signal=B:USR1@T}) T seconds
 * before the time limit; the script passes it on to java as SIGTERM, which stops training at the
 * next step with the last completed epoch saved, and, with {@code --requeue}, requeues the cell so
 * that its next run resumes there. A SIGTERM from Slurm itself (scancel, preemption, scontrol
 * requeue) reaches java directly and stops it the same way; the script then exits 3 ("stopped,
 * resumable") and requeues nothing itself, since Slurm decides.
 */
public final class BatchScripts {
    /** A written script, in submission order: what it waits for and, for an array, its cells. */
    public record Script(String name, Path file, List<String> after, List<Integer> cells) {
        public boolean isArray() {
            return !cells.isEmpty();
        }
    }

    private final SlurmPlanFile plan;
    private final SlurmSettings settings;

    public BatchScripts(SlurmPlanFile plan, SlurmSettings settings) {
        this.plan = plan;
        this.settings = settings;
    }

    /** Writes every script into {@code <sweep>/slurm/} and returns them in the order to submit. */
    public List<Script> write() {
        Path folder = SlurmPlanFile.folderOf(Path.of(plan.sweepDir()));
        List<Script> out = new ArrayList<>();
        for (SweepJobs.Prerequisite p : plan.prerequisites()) {
            Path file = folder.resolve(p.name() + ".sbatch");
            AtomicFiles.writeString(file, prerequisiteScript(p));
            out.add(new Script(p.name(), file, p.after(), List.of()));
        }
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        plan.cells().forEach(c -> groups.computeIfAbsent(c.needs(), k -> new ArrayList<>()).add(c.index()));
        int n = 1;
        for (var group : groups.entrySet()) {
            String name = "cells-" + n++;
            Path file = folder.resolve(name + ".sbatch");
            AtomicFiles.writeString(file, cellScript(name, group.getValue()));
            out.add(new Script(name, file, group.getKey(), group.getValue()));
        }
        return out;
    }

    String prerequisiteScript(SweepJobs.Prerequisite p) {
        StringBuilder s = header(p.name(), "logs/" + p.name() + "-%j.out", null);
        s.append("# builds ").append(p.kind()).append(" ").append(p.folder()).append(" once, for every cell that needs it\n");
        s.append(run("--prepare", p.name(), "prerequisite " + p.name()));
        return s.toString();
    }

    String cellScript(String name, List<Integer> cells) {
        String array = cells.stream().map(String::valueOf).collect(Collectors.joining(","))
                + (settings.maxRunning() > 0 ? "%" + settings.maxRunning() : "");
        StringBuilder s = header(name, "logs/cell-%a-%A.out", array);
        s.append("# cells (array task id = cell index): ").append(cells.stream()
                .map(i -> i + " " + plan.cell(i).id()).collect(Collectors.joining(", "))).append('\n');
        s.append(run("--cell", "\"$SLURM_ARRAY_TASK_ID\"", "cell $SLURM_ARRAY_TASK_ID"));
        return s.toString();
    }

    private StringBuilder header(String name, String log, String array) {
        Path folder = SlurmPlanFile.folderOf(Path.of(plan.sweepDir()));
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# written by sweep --executor slurm for sweep ").append(plan.sweep()).append('\n');
        line(s, "--job-name=pdw-" + plan.sweep() + "-" + name);
        line(s, "--output=" + folder.resolve(log));
        line(s, "--chdir=" + plan.cwd());
        // a requeued job appends to its log, so the stopped run and the resumed one read as one story
        line(s, "--open-mode=append");
        if (array != null) {
            line(s, "--array=" + array);
        }
        line(s, "--signal=B:USR1@" + settings.warnSeconds());
        line(s, settings.requeue() ? "--requeue" : "--no-requeue");
        if (settings.partition() != null) {
            line(s, "--partition=" + settings.partition());
        }
        if (settings.timeLimit() != null) {
            line(s, "--time=" + settings.timeLimit());
        }
        if (settings.gpus() > 0) {
            line(s, "--gres=gpu:" + settings.gpus());
        }
        if (settings.cpus() > 0) {
            line(s, "--cpus-per-task=" + settings.cpus());
        }
        if (settings.memory() != null) {
            line(s, "--mem=" + settings.memory());
        }
        if (settings.account() != null) {
            line(s, "--account=" + settings.account());
        }
        for (String extra : settings.extraLines()) {
            s.append(extra.startsWith("#SBATCH") ? extra : "#SBATCH " + extra).append('\n');
        }
        return s;
    }

    private static void line(StringBuilder s, String option) {
        s.append("#SBATCH ").append(option).append('\n');
    }

    /** The body: java in the background so the shell can pass signals on, then an exit status that says what happened. */
    private String run(String flag, String value, String what) {
        String command = settings.java().stream().map(BatchScripts::quote).collect(Collectors.joining(" "))
                + " -jar " + quote(settings.jar()) + " sweep --plan "
                + quote(SlurmPlanFile.fileOf(Path.of(plan.sweepDir())).toString()) + " " + flag + " " + value;
        String requeue = settings.requeue()
                ? "    if [ -n \"$deadline\" ]; then\n"
                + "        echo \"pdw: time limit near: requeued, the next run resumes from the last completed epoch\"\n"
                + "        scontrol requeue \"${SLURM_ARRAY_JOB_ID:-$SLURM_JOB_ID}${SLURM_ARRAY_TASK_ID:+_$SLURM_ARRAY_TASK_ID}\"\n"
                + "    fi\n"
                : "";
        return "set -u\n"
                + "# libtorch's OpenMP must not busy-wait, and DJL must not try the network\n"
                + "export OMP_WAIT_POLICY=PASSIVE OPT_OUT_TRACKING=true\n"
                + "echo \"pdw: " + what + " on $(hostname), job ${SLURM_JOB_ID}, restart ${SLURM_RESTART_COUNT:-0}\"\n"
                + command + " &\n"
                + "child=$!\n"
                + "deadline=\n"
                + "stopped=\n"
                + "trap 'deadline=1; stopped=1; kill -TERM \"$child\" 2>/dev/null' USR1\n"
                + "trap 'stopped=1; kill -TERM \"$child\" 2>/dev/null' TERM\n"
                + "rc=0\n"
                + "wait \"$child\" || rc=$?\n"
                + "# a trapped signal ends the first wait early: wait for java to save and exit\n"
                + "while kill -0 \"$child\" 2>/dev/null; do rc=0; wait \"$child\" || rc=$?; done\n"
                + "if [ -n \"$stopped\" ] || [ \"$rc\" = 3 ] || [ \"$rc\" = 143 ]; then\n"
                + "    echo \"pdw: " + what + " stopped at its last completed epoch (resumable), java exit $rc\"\n"
                + requeue
                + "    exit 3\n"
                + "fi\n"
                + "exit \"$rc\"\n";
    }

    /** One shell word. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
