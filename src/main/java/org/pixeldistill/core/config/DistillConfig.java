package org.pixeldistill.core.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which distillation losses a student gets, each with the weights of METHOD.md as defaults. A
 * missing entry is off; an empty one ({@code kd: {}}) is on with its defaults. Any combination
 * may be used (ISRD + KD is the paper's method). The distillers there are are listed in
 * {@link DistillerKinds}; {@link DistillConfigJson} reads and writes the section.
 *
 * <p>Two keys are not distillers: {@code teacher_cache} ({@code auto}: students read a frozen
 * teacher's outputs from a cache recorded once when every active distiller can, see
 * core/cache; {@code off}: the teacher runs live on every step) and {@code cache_views} (augmented
 * views recorded per training image).
 *
 * @param settings the entries that are on, one per kind, in {@link DistillerKinds#ALL} order
 * @param teacherCache {@value #CACHE_AUTO} or {@value #CACHE_OFF}
 * @param cacheViews views per image a teacher cache records
 */
@JsonSerialize(using = DistillConfigJson.Writer.class)
@JsonDeserialize(using = DistillConfigJson.Reader.class)
public record DistillConfig(List<DistillerSettings> settings, String teacherCache, int cacheViews) {
    public static final String CACHE_AUTO = "auto";
    public static final String CACHE_OFF = "off";

    /**
     * Views per image by default, chosen by measurement (demo teacher, 10k-image demo slice, 2
     * cores): recording 1 view took 8.8 s (570 kB), 4 views 33 s (2.3 MB), 8 views 48 s (4.6 MB),
     * against 18 s for one live ISRD+KD epoch of the demo student (6 s cached).
     * A student sees one view per image per epoch, so more views than its epochs buy nothing, and
     * fewer repeat the same crops: 4 covers most of the demo's 6 epochs with variety at the cost
     * of about two live epochs, paid once for every seed, method and ratio with that teacher.
     */
    public static final int DEFAULT_CACHE_VIEWS = 4;

    /** The distillers only; the cache keys at their defaults. */
    public DistillConfig(List<DistillerSettings> settings) {
        this(settings, CACHE_AUTO, DEFAULT_CACHE_VIEWS);
    }

    public DistillConfig {
        List<DistillerSettings> sorted = new ArrayList<>(settings);
        // the order is fixed whatever the caller's, so configs (and their hashes) compare as written
        sorted.sort(Comparator.comparingInt(s -> DistillerKinds.indexOf(s.getClass())));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).getClass() == sorted.get(i - 1).getClass()) {
                throw new IllegalArgumentException("distill." + DistillerKinds.of(sorted.get(i).getClass()).name()
                        + " given twice");
            }
        }
        settings = List.copyOf(sorted);
    }

    /** The same distillers with other cache settings. */
    public DistillConfig withCache(String mode, int views) {
        return new DistillConfig(settings, mode, views);
    }

    /** True when both cache keys are at their defaults (they are then not written, keeping old hashes). */
    public boolean cacheAtDefaults() {
        return CACHE_AUTO.equals(teacherCache) && cacheViews == DEFAULT_CACHE_VIEWS;
    }

    public static DistillConfig none() {
        return new DistillConfig(List.of());
    }

    /** The section with exactly these entries on. */
    public static DistillConfig of(DistillerSettings... on) {
        return new DistillConfig(List.of(on));
    }

    /** The settings of {@code type}, or null when that distiller is off. */
    public <S extends DistillerSettings> S get(Class<S> type) {
        for (DistillerSettings s : settings) {
            if (s.getClass() == type) {
                return type.cast(s);
            }
        }
        return null;
    }

    /** Names of the distillers that are on, in a fixed order. */
    public List<String> active() {
        return settings.stream().map(s -> DistillerKinds.of(s.getClass()).name()).toList();
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    public void validate(String prefix) {
        Check.oneOf(prefix + ".teacher_cache", teacherCache, List.of(CACHE_AUTO, CACHE_OFF));
        Check.atLeast(prefix + ".cache_views", cacheViews, 1);
        for (DistillerSettings s : settings) {
            s.validate(prefix + "." + DistillerKinds.of(s.getClass()).name());
        }
    }
}
