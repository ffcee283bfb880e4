package org.pixeldistill.core.loop;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.run.RunFolder;

/** The resolved config of a distillation run's teacher, without training or loading anything. */
public final class TeacherConfigs {
    /** The teacher's overrides come from the student's config, not the command line. */
    private static final String TEACHER_SET = "teacher.set";

    private TeacherConfigs() {}

    /** The teacher's config: read from its finished run folder, or built by {@link #teacherConfig}. */
    public static RunConfig of(RunConfig student) {
        return student.teacher().run() != null
                ? RunFolder.open(Path.of(student.teacher().run())).readConfig()
                : teacherConfig(student);
    }

    /**
     * The teacher's own config with the student's data section (so data overrides reach both),
     * its teacher.set overrides, one seed (a teacher is trained once) and the student's device.
     * teacher.set keys under {@code data.} are applied after the student's data section, so a
     * teacher can be trained on more images than its student ({@code data.train_limit=0}): the
     * usual case of a teacher trained on everything and a student with few labelled images.
     */
    public static RunConfig teacherConfig(RunConfig student) {
        RunConfig own = ConfigLoader.load(Path.of(student.teacher().config()), student.teacher().set(), TEACHER_SET);
        if (own.isDistillation()) {
            throw new ConfigException("teacher.config " + student.teacher().config() + " is itself a distillation run;"
                    + " name a single-model config");
        }
        List<Integer> first = List.of(own.train().seeds().get(0));
        if (student.isDetection() != own.isDetection()) {
            throw new ConfigException("teacher.config " + student.teacher().config() + (student.isDetection()
                    ? " is a classifier; a detector needs a detector teacher (a config with a detect section)"
                    : " is a detector; a classifier needs a classifier teacher"));
        }
        if (own.isDetection()) {
            own = own.withDetect(own.detect().withDataOf(student.detect()));
        }
        RunConfig resolved = own.withData(student.data()).withTrain(own.train().withSeeds(first))
                .withDevice(student.device());
        List<String> dataOverrides = student.teacher().set().stream().filter(s -> s.strip().startsWith("data.")).toList();
        return dataOverrides.isEmpty() ? resolved : ConfigLoader.withOverrides(resolved, dataOverrides, TEACHER_SET);
    }
}
