package org.pixeldistill.core.sweep.slurm;

import java.util.List;
import org.pixeldistill.core.config.ConfigException;

/**
 * What every batch script of a sweep asks Slurm for, and what it runs on the node.
 *
 * @param partition {@code --partition}, null = the cluster's default
 * @param timeLimit {@code --time} of each job (e.g. {@code 02:00:00}), null = the partition's
 * @param gpus GPUs per task ({@code --gres=gpu:N}), 0 = none
 * @param cpus {@code --cpus-per-task}, 0 = Slurm's default
 * @param memory {@code --mem} (e.g. {@code 8G}), null = the partition's default
 * @param account {@code --account}, null = the user's default
 * @param extraLines further {@code #SBATCH} lines, written as given (with or without the prefix)
 * @param java the java command the nodes run, e.g. {@code [java]} or {@code [/opt/jdk17/bin/java, -Xmx8g]}
 * @param jar the workbench jar the nodes run (on the shared folder)
 * @param maxRunning at most this many cells of a job array at once ({@code %N}), 0 = no cap
 * @param requeue {@code --requeue}: a cell stopped by its time limit requeues itself, and
 *     Slurm may requeue a preempted one; either way it resumes from its last completed epoch
 * @param warnSeconds how long before the time limit the batch script is told to stop the cell
 */
public record SlurmSettings(String partition, String timeLimit, int gpus, int cpus, String memory, String account,
        List<String> extraLines, List<String> java, String jar, int maxRunning, boolean requeue, int warnSeconds) {
    public SlurmSettings {
        extraLines = extraLines == null ? List.of() : List.copyOf(extraLines);
        java = java == null || java.isEmpty() ? List.of("java") : List.copyOf(java);
        if (jar == null || jar.isBlank()) {
            throw new ConfigException("sweep --executor slurm: no jar for the nodes (give --jar FILE)");
        }
        if (gpus < 0 || cpus < 0 || maxRunning < 0 || warnSeconds < 0) {
            throw new ConfigException("sweep --executor slurm: --gpus, --cpus, --max-running and the signal time must not be negative");
        }
    }
}
