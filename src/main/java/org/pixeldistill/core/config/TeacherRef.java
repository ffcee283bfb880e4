package org.pixeldistill.core.config;

import java.util.List;

/**
 * The teacher of a distillation run: either the teacher's own config (trained first, as its own
 * stage, if no matching trained teacher is on disk) or the folder of a finished teacher run.
 * Relative paths are resolved against the folder of the config that names them. A teacher built
 * from its config is trained on the student's data section (same data set, limits and
 * augmentation) so that data overrides reach both; {@code set} holds overrides for the teacher's
 * own config (for example {@code train.epochs=2} in a smoke run).
 */
public record TeacherRef(String config, String run, List<String> set) {
    public TeacherRef {
        set = set == null ? List.of() : List.copyOf(set);
    }

    public void validate() {
        if ((config == null) == (run == null)) {
            throw new ConfigException("teacher needs exactly one of teacher.config or teacher.run");
        }
    }
}
