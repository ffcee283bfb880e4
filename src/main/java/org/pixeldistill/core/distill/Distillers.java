package org.pixeldistill.core.distill;

import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.DistillConfig;

/** Builds the distillers a config turns on. */
public final class Distillers {
    private Distillers() {}

    /** One distiller per active entry, in {@link DistillConfig#active()} order; empty for null. */
    public static List<Distiller> create(DistillConfig cfg) {
        List<Distiller> list = new ArrayList<>();
        if (cfg == null) {
            return list;
        }
        if (cfg.kd() != null) list.add(new KdDistiller(cfg.kd()));
        if (cfg.at() != null) list.add(new AtDistiller(cfg.at()));
        if (cfg.sp() != null) list.add(new SpDistiller(cfg.sp()));
        if (cfg.ickd() != null) list.add(new IckdDistiller(cfg.ickd()));
        if (cfg.dkd() != null) list.add(new DkdDistiller(cfg.dkd()));
        if (cfg.fitnet() != null) list.add(new FitnetDistiller(cfg.fitnet()));
        if (cfg.isrd() != null) list.add(new IsrdDistiller(cfg.isrd()));
        if (cfg.feature() != null) list.add(new StageFeatureDistiller(cfg.feature()));
        return list;
    }

    /** The cross-entropy factor: the smallest {@link Distiller#ceScale()}, 1 with no distillers. */
    public static double ceScale(List<Distiller> distillers) {
        return distillers.stream().mapToDouble(Distiller::ceScale).min().orElse(1.0);
    }
}
