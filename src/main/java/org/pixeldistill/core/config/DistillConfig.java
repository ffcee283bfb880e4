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
 * @param settings the entries that are on, one per kind, in {@link DistillerKinds#ALL} order
 */
@JsonSerialize(using = DistillConfigJson.Writer.class)
@JsonDeserialize(using = DistillConfigJson.Reader.class)
public record DistillConfig(List<DistillerSettings> settings) {

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
        for (DistillerSettings s : settings) {
            s.validate(prefix + "." + DistillerKinds.of(s.getClass()).name());
        }
    }
}
