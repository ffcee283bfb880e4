package org.pixeldistill.core.sweep.slurm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.run.RunFolder;

/**
 * {@code <sweep>/slurm/plan.json}: everything a node needs to train one cell or build one
 * prerequisite the way the submitting machine planned it. The sweep command's own arguments are
 * kept (not the expanded configs), so a node plans the same grid again from the same files, in
 * the same working directory, and runs one piece of it; the cell ids let it check it did.
 *
 * @param args the sweep command's arguments, without the executor's options
 * @param cwd the working directory the arguments' relative paths are relative to
 */
public record SlurmPlanFile(String sweep, String sweepDir, String cwd, List<String> args,
        List<SweepJobs.Prerequisite> prerequisites, List<SweepJobs.Cell> cells) {
    public static final String FOLDER = "slurm";

    /** Where a sweep's Slurm files live: plan, batch scripts, job ids and the jobs' logs. */
    public static Path folderOf(Path sweepDir) {
        return sweepDir.resolve(FOLDER);
    }

    public static Path fileOf(Path sweepDir) {
        return folderOf(sweepDir).resolve("plan.json");
    }

    public void write() {
        RunFolder.writeJson(fileOf(Path.of(sweepDir)), this);
    }

    /** The plan of a sweep folder, or of the plan file itself. */
    public static SlurmPlanFile read(Path sweepDirOrPlan) {
        Path file = Files.isDirectory(sweepDirOrPlan) ? fileOf(sweepDirOrPlan) : sweepDirOrPlan;
        return RunFolder.readJson(file, SlurmPlanFile.class).orElseThrow(() -> new ConfigException(
                "no Slurm sweep plan at " + file + " (sweep --executor slurm writes it)"));
    }

    public SweepJobs.Cell cell(int index) {
        return cells.stream().filter(c -> c.index() == index).findFirst().orElseThrow(() -> new ConfigException(
                "the plan has no cell " + index + " (cells 0-" + (cells.size() - 1) + ")"));
    }

    public SweepJobs.Prerequisite prerequisite(String name) {
        return prerequisites.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(
                () -> new ConfigException("the plan has no prerequisite '" + name + "'"));
    }

    /**
     * The job ids of a submitted sweep, {@code <sweep>/slurm/jobs.json}.
     *
     * @param prerequisites job id by prerequisite name
     * @param cells job id by cell index, {@code <array job>_<cell index>}
     */
    public record Jobs(Map<String, String> prerequisites, Map<Integer, String> cells) {
        public static Path fileOf(Path sweepDir) {
            return folderOf(sweepDir).resolve("jobs.json");
        }

        public void write(Path sweepDir) {
            RunFolder.writeJson(fileOf(sweepDir), this);
        }

        /** The sweep's job ids; none when it was written with --dry-run. */
        public static Jobs read(Path sweepDir) {
            return RunFolder.readJson(fileOf(sweepDir), Jobs.class).orElse(new Jobs(Map.of(), Map.of()));
        }
    }
}
