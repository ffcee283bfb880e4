package org.pixeldistill.ui.training;

import java.nio.file.Path;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.sweep.SweepPlan;

/**
 * A sweep the window trains: the base config and the grid, exactly what the command line's
 * {@code sweep} gives {@link SweepPlan}; its folder is the one {@code sweep --out runs} uses.
 */
public record SweepRequest(RunConfig base, SweepPlan.Options options) {
    /** {@code <runs>/sweeps/<base name>}. */
    public Path folder(Path runsRoot) {
        return runsRoot.toAbsolutePath().resolve("sweeps").resolve(base.name());
    }
}
