package org.pixeldistill.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A training stage of a run: a single network on its own, or the teacher, TAS assistant and
 * student of a distillation. Written in records (metrics.csv, summary.json) and checkpoint folder
 * names by its {@link #key()}, which is also what {@link #toString()} gives, so messages read as before.
 */
public enum Stage {
    /** A single network trained on its own. */
    MODEL,
    /** The large network distilled from, trained first (once per runs folder). */
    TEACHER,
    /** TAS: the student's network at the teacher's input size, between the two. */
    ASSISTANT,
    /** The small network distilled from the teacher (or assistant). */
    STUDENT;

    /** "model", "teacher", "assistant" or "student": the name in files and folder names. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage of a key; IllegalArgumentException for anything else. */
    @JsonCreator
    public static Stage of(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + key + "' (known: model, teacher,"
                        + " assistant, student)"));
    }

    @Override
    public String toString() {
        return key();
    }
}
