package org.pixeldistill.ui.isrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.inspect.ImageInspection;
import org.pixeldistill.core.inspect.InspectionSnapshot;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;
import org.pixeldistill.ui.common.UiThread;

/** The view-model's listener attached to a tiny real run (teacher at 14, student at 7, kd + isrd). */
class IsrdRunTest {
    private static final String DATA = Path.of("assets/fashion-mnist").toAbsolutePath().toString();

    @Test
    void aRealRunFillsThePanelAfterEachStudentEpoch(@TempDir Path dir) throws IOException {
        String data = "data:\n  dataset: fashion-mnist\n  path: " + DATA + "\n  train_limit: 300\n  test_limit: 100\n"
                + "  crop: pad\n  pad: 2\n  flip: false\n  interpolation: area\n  workers: 1\n";
        String train = "train:\n  epochs: 2\n  batch_size: 32\n  lr: 0.05\n  schedule: cosine\n  seeds: [0]\n";
        Files.writeString(dir.resolve("teacher.yaml"), "name: t\n" + data
                + "model:\n  backbone: resnet18\n  input_size: 14\n  width: 0.125\n  stem: small\n"
                + train.replace("epochs: 2", "epochs: 1"));
        Path student = dir.resolve("student.yaml");
        Files.writeString(student, "name: s\nteacher:\n  config: teacher.yaml\n" + data
                + "model:\n  backbone: resnet18\n  input_size: 7\n  width: 0.125\n  stem: small\n"
                + "distill:\n  kd: {}\n  isrd: {eta: 10}\n" + train);

        IsrdViewModel vm = new IsrdViewModel(UiThread.DIRECT, 6, null);
        List<String> shownInOrder = new ArrayList<>();
        vm.snapshotProperty().addListener((o, a, b) -> shownInOrder.add(b == null ? "cleared" : b.stage() + " " + b.epoch()));
        RunFolder inspected = new RunPipeline(dir.resolve("runs"), vm.listener(), new Cancellation())
                .train(ConfigLoader.load(student));

        // by default the panel follows whichever network trains: the teacher's epoch, then (the student's
        // stage clearing it) each student epoch
        assertEquals(List.of("teacher 0", "cleared", "student 0", "student 1"), shownInOrder);
        InspectionSnapshot shown = vm.snapshotProperty().get();
        assertEquals("student", shown.stage());
        assertEquals(6, shown.images().size());
        for (ImageInspection img : shown.images()) {
            assertEquals(14, img.large().width());
            assertEquals(7, img.small().width());
            assertNotNull(img.reconstruction());
            assertEquals(14, img.reconstruction().width());
            // the automatic feature stage: stage 2, the deepest where the 7 px student's map is 3x3 or more
            assertEquals(4, img.studentMapSize());
            assertEquals(7, img.teacherMapSize());
        }

        // The same run without the panel (the teacher is reused) trains to the same numbers: the
        // inspection changes neither weights, gradients nor BatchNorm statistics.
        RunFolder plain = new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                .train(ConfigLoader.load(student));
        assertEquals(studentNumbers(plain), studentNumbers(inspected));
    }

    /** Losses and accuracies of the student's epochs (not the timings). */
    private static List<String> studentNumbers(RunFolder run) {
        List<String> out = new ArrayList<>();
        for (MetricsRow row : run.metrics().rows()) {
            if (row.stage() == Stage.STUDENT) {
                out.add(row.epoch() + " " + row.losses() + " " + row.trainTop1() + " " + row.testScore());
            }
        }
        assertEquals(2, out.size());
        return out;
    }
}
