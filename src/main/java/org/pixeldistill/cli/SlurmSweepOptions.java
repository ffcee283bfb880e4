package org.pixeldistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.sweep.slurm.SlurmSettings;
import picocli.CommandLine.Option;

/**
 * The sweep command's options for running its cells elsewhere: the executor, and for Slurm what
 * each batch job asks for and runs. None of them changes which cells a sweep has, so a node's
 * plan leaves them out ({@link #withoutThese}).
 */
final class SlurmSweepOptions {
    @Option(names = "--executor", description = "local (default: every cell in this process) or slurm (a job per cell;"
            + " --out must be a folder the nodes share)")
    String executor = "local";

    @Option(names = "--lanes", paramLabel = "N", description = "local: train up to N jobs at once (shared teachers,"
            + " assistants and caches first, then the longest cells), each in a JVM of its own with cores/N libtorch"
            + " threads unless --threads says otherwise (default: ${DEFAULT-VALUE}: every cell in this process)")
    int lanes = 1;

    @Option(names = "--dry-run", description = "slurm: write the plan and batch scripts under <sweep>/slurm/ without submitting")
    boolean dryRun;

    @Option(names = "--partition", description = "slurm: partition of every job")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "slurm: time limit of each job, as sbatch takes it (minutes, or"
            + " [D-]HH:MM:SS, e.g. 02:00:00); near it a cell stops with its last completed epoch saved (see --signal-seconds, --requeue)")
    String time;

    @Option(names = "--gpus", description = "slurm: GPUs per task (--gres=gpu:N; run the -Pcuda build's jar) (default: 0)")
    int gpus;

    @Option(names = "--cpus", description = "slurm: CPUs per task (default: Slurm's)")
    int cpus;

    @Option(names = "--mem", description = "slurm: memory per job, e.g. 8G (default: the partition's)")
    String mem;

    @Option(names = "--account", description = "slurm: account to charge")
    String account;

    @Option(names = "--sbatch", paramLabel = "LINE", description = "slurm: a further #SBATCH line for every job, e.g. --sbatch=--qos=low (repeatable)")
    List<String> sbatch = new ArrayList<>();

    @Option(names = "--java", description = "slurm: the java command on the nodes, words split at spaces (default: this JVM's java)")
    String java;

    @Option(names = "--jar", description = "slurm: the workbench jar on the nodes (default: the running jar); must be on the shared folder")
    Path jar;

    @Option(names = "--max-running", paramLabel = "N", description = "slurm: at most N cells of each job array run at once"
            + " (--array=...%%N; default: no cap)")
    int maxRunning;

    @Option(names = "--requeue", description = "slurm: a cell that reaches its time limit (or is preempted) is requeued and resumes from its last completed epoch")
    boolean requeue;

    @Option(names = "--signal-seconds", paramLabel = "S", description = "slurm: a cell is told to stop S seconds before its time"
            + " limit (--signal=B:USR1@S; Slurm checks limits every 30 s, so it may come up to a minute sooner) (default: ${DEFAULT-VALUE})")
    int signalSeconds = 60;

    /** The most --lanes may ask for: each lane is a JVM holding a network and its data. */
    static final int MAX_LANES = 64;

    /** Options that take a value, and flags, as they may appear in a sweep's arguments. */
    private static final Set<String> VALUED = Set.of("--executor", "--lanes", "--partition", "--time", "--gpus", "--cpus", "--mem",
            "--account", "--sbatch", "--java", "--jar", "--max-running", "--signal-seconds");
    private static final Set<String> FLAGS = Set.of("--dry-run", "--requeue");

    boolean slurm() {
        boolean slurm = switch (executor) {
            case "local" -> false;
            case "slurm" -> true;
            default -> throw new ConfigException("sweep: --executor must be local or slurm, got '" + executor + "'");
        };
        Check.range("--lanes", lanes, 1, MAX_LANES);
        if (slurm && lanes > 1) {
            throw new ConfigException("sweep: --lanes is for the local executor; on Slurm every cell is a job"
                    + " (--max-running caps how many run at once)");
        }
        return slurm;
    }

    SlurmSettings settings() {
        List<String> javaCommand = java != null ? Arrays.asList(java.trim().split("\\s+"))
                : List.of(ProcessHandle.current().info().command().orElse("java"));
        Path jarFile = jar != null ? jar.toAbsolutePath() : runningJar();
        if (jarFile == null) {
            throw new ConfigException("sweep --executor slurm: not started from a jar; give --jar FILE (the jar the nodes run)");
        }
        if (!Files.isRegularFile(jarFile)) {
            throw new ConfigException("sweep --executor slurm: no jar at " + jarFile);
        }
        return new SlurmSettings(partition, time, gpus, cpus, mem, account, sbatch, javaCommand, jarFile.toString(),
                maxRunning, requeue, signalSeconds);
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(SlurmSweepOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The sweep's arguments without these options: what defines its cells, for the nodes to plan again. */
    static List<String> withoutThese(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (FLAGS.contains(a)) {
                continue;
            }
            if (VALUED.contains(name)) {
                if (!a.contains("=")) {
                    i++; // its value is the next word
                }
                continue;
            }
            out.add(a);
        }
        return out;
    }
}
