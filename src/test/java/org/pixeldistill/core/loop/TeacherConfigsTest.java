package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;

class TeacherConfigsTest {
    @TempDir
    Path dir;

    private RunConfig student(String teacherSet) throws Exception {
        Files.writeString(dir.resolve("teacher.yaml"), "name: t\nmodel:\n  backbone: resnet18\n  input_size: 28\n"
                + "train:\n  epochs: 6\n");
        Files.writeString(dir.resolve("student.yaml"), "name: s\nteacher:\n  config: teacher.yaml\n" + teacherSet
                + "data:\n  train_limit: 500\n  test_limit: 100\nmodel:\n  backbone: resnet18\n  input_size: 7\n"
                + "distill:\n  kd: {}\n");
        return ConfigLoader.load(dir.resolve("student.yaml"));
    }

    @Test
    void theTeacherSeesTheStudentsDataUnlessItsOwnSetSaysOtherwise() throws Exception {
        RunConfig same = TeacherConfigs.teacherConfig(student(""));
        assertEquals(500, same.data().trainLimit());
        assertEquals(6, same.train().epochs());

        RunConfig more = TeacherConfigs.teacherConfig(student("  set: [data.train_limit=0, train.epochs=2]\n"));
        assertEquals(0, more.data().trainLimit(), "teacher.set data keys win over the student's data");
        assertEquals(100, more.data().testLimit(), "other data keys still come from the student");
        assertEquals(2, more.train().epochs());
    }

    @Test
    void aBadDataKeyInTeacherSetIsNamed() throws Exception {
        RunConfig s = student("  set: [data.train_limt=0]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TeacherConfigs.teacherConfig(s));
        assertTrue(e.getMessage().contains("train_limt"), e.getMessage());
        assertEquals(List.of("data.train_limt=0"), s.teacher().set());
    }
}
