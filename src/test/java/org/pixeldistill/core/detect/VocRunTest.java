package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.core.detect.DetectionFixtures.image;
import static org.pixeldistill.core.detect.DetectionFixtures.text;
import static org.pixeldistill.core.detect.DetectionFixtures.vocObject;
import static org.pixeldistill.core.detect.DetectionFixtures.vocXml;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunEvaluation;
import org.pixeldistill.core.pipeline.RunPipeline;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Score;

/** A user's Pascal VOC folder trained end to end; what its annotations lost is kept with the run. */
class VocRunTest {
    @TempDir
    Path dir;

    @Test
    void aVocDataSetTrainsAndItsClippedAndSkippedBoxesAreListedInTheRunFolder() throws Exception {
        Path voc = dir.resolve("voc");
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String id = "img" + i;
            image(voc.resolve("JPEGImages/" + id + ".png"), "png", 40, 32);
            String objects = vocObject(i % 2 == 0 ? "cat" : "dog", false, 5, 5, 20, 20);
            if (i == 3) {
                objects += vocObject("cat", false, 30, 10, 55, 30); // reaches past the 40-pixel width: clipped
            }
            if (i == 5) {
                objects += vocObject("zebra", false, 2, 2, 10, 10); // not in the class list: skipped
            }
            text(voc.resolve("Annotations/" + id + ".xml"), vocXml(id + ".png", 40, 32, objects));
            train.append(id).append('\n');
        }
        text(voc.resolve("ImageSets/Main/train.txt"), train.toString());
        text(voc.resolve("ImageSets/Main/val.txt"), "img0\nimg1\nimg2\nimg3\n");
        Path cfg = text(dir.resolve("voc.yaml"), "name: voc-run\ndata:\n  dataset: voc\n  path: " + voc + "\n  flip: false\n"
                + "model:\n  backbone: resnet18\n  input_size: 32\n  width: 0.125\n  stem: small\n"
                + "detect:\n  classes: [cat, dog]\n  pyramid_channels: 16\n  head_convs: 1\n"
                + "train:\n  epochs: 1\n  batch_size: 6\n  lr: 0.01\n  clip_grad_norm: 1.0\n");
        RunFolder run = new RunPipeline(dir.resolve("runs"), new TrainingListener() {}, new Cancellation())
                .train(ConfigLoader.load(cfg));
        assertEquals("finished", run.readSummary().orElseThrow().status());
        assertTrue(run.metrics().rows().get(0).scores().containsKey("ap50_dog"));
        // eval reads the saved detector back and scores it the same way training did
        var evaluated = RunEvaluation.evaluate(run, "best");
        assertEquals(1, evaluated.size());
        assertEquals(Score.MAP50, evaluated.get(0).kind());
        assertEquals(run.readSummary().orElseThrow().bestScore(), evaluated.get(0).score(), 1e-6);
        String report = Files.readString(run.dir().resolve("annotations.txt"));
        assertTrue(report.contains("img3.xml object 2") && report.contains("clipped"), report);
        assertTrue(report.contains("img5.xml object 2") && report.contains("zebra"), report);
    }
}
