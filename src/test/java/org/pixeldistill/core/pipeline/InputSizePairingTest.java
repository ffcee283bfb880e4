package org.pixeldistill.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;

/** A student larger than its teacher is refused before anything trains; one that does not divide it is warned of. */
class InputSizePairingTest {
    @TempDir
    Path dir;

    private RunConfig student(int studentSize, int teacherSize) throws Exception {
        Path teacher = dir.resolve("teacher.yaml");
        Files.writeString(teacher, "name: t\nmodel:\n  backbone: resnet18\n  input_size: " + teacherSize + "\n");
        Path student = dir.resolve("student.yaml");
        Files.writeString(student, "name: s\nmodel:\n  backbone: resnet18\n  input_size: " + studentSize
                + "\nteacher:\n  config: teacher.yaml\ndistill:\n  kd: {}\n");
        return ConfigLoader.load(student);
    }

    private static final class Messages implements TrainingListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onMessage(String message) {
            lines.add(message);
        }
    }

    @Test
    void aStudentLargerThanItsTeacherIsRefusedBeforeARunFolderExists() throws Exception {
        RunConfig cfg = student(28, 14);
        Path runs = dir.resolve("runs");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RunPipeline(runs, new Messages(), new Cancellation()).train(cfg));
        assertTrue(e.getMessage().startsWith("model.input_size 28 is larger than the teacher's 14 (teacher.config "),
                e.getMessage());
        assertTrue(!Files.exists(runs), "no run folder, no teacher trained");
    }

    @Test
    void aSizeThatDoesNotDivideTheTeachersIsAWarning() throws Exception {
        Messages m = new Messages();
        InputSizePairing.check(student(10, 28), m);
        assertEquals(1, m.lines.size(), m.lines.toString());
        assertTrue(m.lines.get(0).startsWith("warning: model.input_size 10 does not divide the teacher's 28 (r = 2.80)"),
                m.lines.get(0));
    }

    @Test
    void aWholeRatioAndASingleModelSayNothing() throws Exception {
        Messages m = new Messages();
        InputSizePairing.check(student(7, 28), m);
        InputSizePairing.check(student(28, 28), m);
        InputSizePairing.check(ConfigLoader.load(dir.resolve("teacher.yaml")), m);
        assertEquals(List.of(), m.lines);
    }
}
