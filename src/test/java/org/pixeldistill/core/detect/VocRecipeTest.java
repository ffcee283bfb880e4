package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.core.detect.DetectionFixtures.image;
import static org.pixeldistill.core.detect.DetectionFixtures.text;
import static org.pixeldistill.core.detect.DetectionFixtures.vocObject;
import static org.pixeldistill.core.detect.DetectionFixtures.vocXml;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.MetricsRow;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;

/**
 * The VOC recipe in sample-configs as shipped, shrunk only in sizes and budget (its own structure:
 * ResNet-50 teacher, ResNet-18 assistant and student at half the size, five levels, ImageNet stems),
 * trained through all three stages on a hand-made VOC folder: the recipe's levels line up.
 */
class VocRecipeTest {
    @TempDir
    Path dir;

    @Test
    void theVocAfpTasRecipeTrainsTeacherAssistantAndStudent() {
        Path voc = dir.resolve("VOC2007");
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String id = "img" + i;
            image(voc.resolve("JPEGImages/" + id + ".png"), "png", 80, 64);
            String objects = vocObject(i % 2 == 0 ? "cat" : "dog", false, 8, 8, 40, 40);
            text(voc.resolve("Annotations/" + id + ".xml"), vocXml(id + ".png", 80, 64, objects));
            train.append(id).append('\n');
        }
        text(voc.resolve("ImageSets/Main/trainval.txt"), train.toString());
        text(voc.resolve("ImageSets/Main/test.txt"), "img0\nimg1\nimg2\nimg3\n");
        String small = "train.epochs=1, train.batch_size=6, detect.pyramid_channels=16";
        var cfg = ConfigLoader.load(Path.of("sample-configs/voc-resnet18-160-afp-tas.yaml"), List.of(
                "data.path=" + voc, "data.workers=1", "model.input_size=96", "model.width=0.125", "detect.pyramid_channels=16",
                "train.epochs=1", "train.batch_size=6", "train.seeds=[0]",
                "teacher.set=[model.input_size=192, model.width=0.125, " + small + "]"));
        RunFolder run = new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation()).train(cfg);
        assertEquals("finished", run.readSummary().orElseThrow().status());
        List<MetricsRow> rows = run.metrics().rows();
        assertEquals(List.of(Stage.TEACHER, Stage.ASSISTANT, Stage.STUDENT),
                rows.stream().map(MetricsRow::stage).distinct().toList());
        MetricsRow assistant = rows.stream().filter(r -> r.stage() == Stage.ASSISTANT).findFirst().orElseThrow();
        assertTrue(assistant.losses().containsKey("feature"), "the assistant learns from pooled features: "
                + assistant.losses());
        MetricsRow student = rows.get(rows.size() - 1);
        assertTrue(student.losses().keySet().containsAll(List.of("afp_class", "afp_box", "afp_feature")),
                student.losses().toString());
        assertTrue(student.scores().containsKey("ap50_cat") && student.scores().containsKey("ap50_dog"),
                student.scores().toString());
    }
}
