package org.pixeldistill.core.config;

/**
 * The teacher of a distillation run: either the teacher's own config (trained first, as its own
 * stage, if no matching trained teacher is on disk) or the folder of a finished teacher run.
 * Relative paths are resolved against the folder of the config that names them.
 */
public record TeacherRef(String config, String run) {
    public void validate() {
        if ((config == null) == (run == null)) {
            throw new ConfigException("teacher needs exactly one of teacher.config or teacher.run");
        }
    }
}
