package org.pixeldistill.core.loop;

import org.pixeldistill.core.config.TrainConfig;

/**
 * Learning rate per iteration: linear warm-up, then multi-step (x gamma at each milestone epoch),
 * cosine (to zero at the last epoch) or constant.
 */
public final class LrSchedule {
    private final TrainConfig cfg;

    public LrSchedule(TrainConfig cfg) {
        this.cfg = cfg;
    }

    /** The rate for batch {@code iter} (0-based) of {@code epoch} (0-based). */
    public double at(int epoch, int iter, int itersPerEpoch) {
        double base = cfg.lr();
        int warmup = cfg.warmupEpochs();
        double done = epoch + (iter + 1) / (double) Math.max(1, itersPerEpoch);
        if (warmup > 0 && epoch < warmup) {
            return base * done / warmup;
        }
        return switch (cfg.schedule()) {
            case "multistep" -> {
                int passed = (int) cfg.milestones().stream().filter(m -> epoch >= m).count();
                yield base * Math.pow(cfg.gamma(), passed);
            }
            case "cosine" -> {
                double span = Math.max(1, cfg.epochs() - warmup);
                double t = Math.min(1.0, (epoch - warmup + iter / (double) Math.max(1, itersPerEpoch)) / span);
                yield 0.5 * base * (1 + Math.cos(Math.PI * t));
            }
            default -> base;
        };
    }
}
