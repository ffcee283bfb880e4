package org.pixeldistill.core.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pixeldistill.core.config.AtConfig;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.DistillerKind;
import org.pixeldistill.core.config.DistillerSettings;
import org.pixeldistill.core.config.DkdConfig;
import org.pixeldistill.core.config.FeatureConfig;
import org.pixeldistill.core.config.FitnetConfig;
import org.pixeldistill.core.config.IckdConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.config.SpConfig;

/**
 * Builds the distillers a config turns on. The config side of each distiller (its key, settings
 * and defaults) is described in core/config ({@link org.pixeldistill.core.config.DistillerKinds});
 * this package only adds the loss, one factory per kind in {@link #FACTORIES}.
 */
public final class Distillers {
    /** What a distiller reads from the teacher: decides whether a teacher cache can stand in for it. */
    public enum TeacherReads {
        /** Only the teacher's logits (and the large view the teacher saw): a teacher cache holds both. */
        LOGITS,
        /** The teacher's feature maps, which a teacher cache does not record: the teacher runs live. */
        FEATURES
    }

    /** How the loss of one kind is built from its settings, and what it reads from the teacher. */
    public record Factory<S extends DistillerSettings>(DistillerKind<S> kind, Function<S, Distiller> build,
            TeacherReads reads) {
        Distiller create(DistillerSettings settings) {
            return build.apply(kind.type().cast(settings));
        }
    }

    /** One line per distiller. */
    public static final List<Factory<?>> FACTORIES = List.of(
            new Factory<>(KdConfig.KIND, KdDistiller::new, TeacherReads.LOGITS),
            new Factory<>(AtConfig.KIND, AtDistiller::new, TeacherReads.FEATURES),
            new Factory<>(SpConfig.KIND, SpDistiller::new, TeacherReads.FEATURES),
            new Factory<>(IckdConfig.KIND, IckdDistiller::new, TeacherReads.FEATURES),
            new Factory<>(DkdConfig.KIND, DkdDistiller::new, TeacherReads.LOGITS),
            new Factory<>(FitnetConfig.KIND, FitnetDistiller::new, TeacherReads.FEATURES),
            // ISRD's target is the large view itself, which a cached batch rebuilds from its crop
            new Factory<>(IsrdConfig.KIND, IsrdDistiller::new, TeacherReads.LOGITS),
            new Factory<>(FeatureConfig.KIND, StageFeatureDistiller::new, TeacherReads.FEATURES));

    private Distillers() {}

    /** One distiller per active entry, in {@link DistillConfig#active()} order; empty for null. */
    public static List<Distiller> create(DistillConfig cfg) {
        List<Distiller> list = new ArrayList<>();
        if (cfg == null) {
            return list;
        }
        for (DistillerSettings settings : cfg.settings()) {
            list.add(factoryOf(settings.getClass()).create(settings));
        }
        return list;
    }

    /** What the distiller of config name {@code name} reads from the teacher. */
    public static TeacherReads teacherReads(String name) {
        return FACTORIES.stream().filter(f -> f.kind().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no distiller is named " + name)).reads();
    }

    private static Factory<?> factoryOf(Class<? extends DistillerSettings> type) {
        return FACTORIES.stream().filter(f -> f.kind().type() == type).findFirst().orElseThrow(
                () -> new IllegalStateException("no distiller is registered for " + type.getSimpleName()
                        + " (add its line to Distillers.FACTORIES)"));
    }

    /** The cross-entropy factor: the smallest {@link Distiller#ceScale()}, 1 with no distillers. */
    public static double ceScale(List<Distiller> distillers) {
        return distillers.stream().mapToDouble(Distiller::ceScale).min().orElse(1.0);
    }
}
