package org.pixeldistill.core.sweep.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pixeldistill.core.config.ConfigException;

/**
 * Runs Slurm's own commands (sbatch, squeue, scancel) as child processes: no accounting database
 * is needed, only the controller squeue asks.
 */
public class SlurmClient {
    /** A job as squeue lists it: state (PENDING, RUNNING, ...) and reason (Dependency, Resources, None, ...). */
    public record QueueEntry(String jobId, String state, String reason) {}

    /** Submits a script once the named jobs have finished well; returns the job id. */
    public String submit(Path script, List<String> afterOk) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (!afterOk.isEmpty()) {
            cmd.add("--dependency=afterok:" + String.join(":", afterOk));
        }
        cmd.add(script.toString());
        String out = run(cmd).trim();
        // --parsable prints "<id>" or "<id>;<cluster>"
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("\\d+")) {
            throw new ConfigException("sbatch did not print a job id for " + script + ": " + out);
        }
        return id;
    }

    /** The user's jobs in the queue, array tasks one by one ({@code <array>_<task>}), by job id. */
    public Map<String, QueueEntry> queue() {
        String out = run(List.of("squeue", "--me", "-h", "-r", "-o", "%i|%T|%r"));
        Map<String, QueueEntry> jobs = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\|", 3);
            if (f.length == 3) {
                jobs.put(f[0], new QueueEntry(f[0], f[1], f[2]));
            }
        }
        return jobs;
    }

    /** Cancels these jobs (array tasks by {@code <array>_<task>}, or whole arrays by id). */
    public void cancel(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        cmd.addAll(jobIds);
        run(cmd);
    }

    /** Runs a command, returns its standard output; a missing command or a failure is one clear line. */
    protected String run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ConfigException(command.get(0) + " not found: is this a Slurm login node? (" + e.getMessage() + ")");
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ConfigException(command.get(0) + " did not answer within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new ConfigException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + text.trim());
            }
            return text;
        } catch (IOException e) {
            throw new ConfigException("cannot read the output of " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException(command.get(0) + " interrupted");
        }
    }
}
