package org.pixeldistill.core.config;

import java.util.List;
import java.util.Optional;

/**
 * The registry of distillers a config can turn on. A new distiller adds its settings record (with
 * its {@code KIND}) and one line here, and its loss in core/distill with one line in that
 * package's factory list; tests fail while either line is missing.
 */
public final class DistillerKinds {
    /** In the order the distill section is written and the distillers run. */
    public static final List<DistillerKind<?>> ALL = List.of(
            KdConfig.KIND,
            AtConfig.KIND,
            SpConfig.KIND,
            IckdConfig.KIND,
            DkdConfig.KIND,
            FitnetConfig.KIND,
            IsrdConfig.KIND,
            FeatureConfig.KIND);

    private DistillerKinds() {}

    public static Optional<DistillerKind<?>> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The kind of a settings type; an unregistered type is a programming error. */
    @SuppressWarnings("unchecked")
    public static <S extends DistillerSettings> DistillerKind<S> of(Class<S> type) {
        for (DistillerKind<?> kind : ALL) {
            if (kind.type() == type) {
                return (DistillerKind<S>) kind;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not registered in DistillerKinds.ALL");
    }

    /** Position in {@link #ALL}: the order of the distill section. */
    static int indexOf(Class<? extends DistillerSettings> type) {
        return ALL.indexOf(of(type));
    }

    public static List<String> names() {
        return ALL.stream().map(DistillerKind::name).toList();
    }
}
