package org.pixeldistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.PretrainedWeights;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.RunSummary;

/**
 * model.weights through the command line: a student starting from a torchvision-layout file, a
 * misfit refused before anything trains, and a pretrained teacher used as loaded (train.epochs 0).
 */
class PretrainedWeightsCliTest {
    /** ResNet-18 at width 0.125 with the ImageNet stem, 3 channels, 10 classes (tools/make_weight_fixtures.py). */
    private static final String FIXTURE = Path.of("src/test/resources/weights/resnet18_tv.safetensors")
            .toAbsolutePath().toString();

    @TempDir
    Path dir;

    @Test
    void aStudentStartsFromTheFileAndSaysWhatWasAdapted() {
        CliRun o = CliRun.of("train", "--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--out",
                dir.toString(), "--set", "model.weights=" + FIXTURE, "--set", "model.width=0.125", "--set",
                "model.stem=imagenet", "--set", "model.input_size=28", "--set", "train.epochs=1", "--set",
                "data.train_limit=100", "--set", "data.test_limit=50", "--device", "cpu");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("model.weights resnet18_tv.safetensors: first convolution conv1.weight summed over"
                + " RGB for 1-channel input"), o.out());
    }

    @Test
    void aMisfitIsOneErrorBeforeTraining() {
        CliRun o = CliRun.of("train", "--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--out",
                dir.toString(), "--set", "model.weights=" + FIXTURE, "--device", "cpu");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: model.weights: " + FIXTURE + " does not fit resnet18 at width 0.25"),
                o.err());
        assertTrue(o.err().contains("weights made for another stem"), o.err());
        assertFalse(o.out().contains("top-1"), "nothing trained: " + o.out());
    }

    @Test
    void aPretrainedTeacherWithNoEpochsIsUsedAsLoaded() throws Exception {
        Path teacher = dir.resolve("teacher.yaml");
        Files.writeString(teacher, String.join("\n",
                "name: pretrained-teacher",
                "data: {dataset: fashion-mnist, path: " + Path.of("assets/fashion-mnist").toAbsolutePath() + "}",
                "model: {backbone: resnet18, input_size: 28, width: 0.125, stem: imagenet, weights: " + FIXTURE + "}",
                "train: {epochs: 0}", ""));
        Path runs = dir.resolve("runs");
        CliRun o = CliRun.of("train", "--config", "sample-configs/demo-fashion-mnist-kd.yaml", "--out",
                runs.toString(), "--set", "teacher.config=" + teacher, "--set", "train.epochs=1", "--set",
                "data.train_limit=100", "--set", "data.test_limit=50", "--device", "cpu");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("used as loaded from " + FIXTURE + " (train.epochs 0)"), o.out());
        assertTrue(o.out().contains("teacher model.weights resnet18_tv.safetensors: first convolution conv1.weight"
                + " summed over RGB"), o.out());
        assertTrue(o.out().contains("finished"), o.out());
        Path teacherDir;
        try (var list = Files.list(runs.resolve("teachers"))) {
            teacherDir = list.findFirst().orElseThrow();
        }
        RunSummary summary = RunFolder.open(teacherDir).readSummary().orElseThrow();
        assertEquals("finished", summary.status());
        assertNull(summary.bestScore(), "nothing was trained or scored");
    }

    @Test
    void exportWritesTheModelAloneWithItsDescription() throws Exception {
        Path runs = dir.resolve("runs");
        CliRun trained = CliRun.of("train", "--config", "sample-configs/demo-fashion-mnist-baseline.yaml", "--out",
                runs.toString(), "--set", "model.width=0.0625", "--set", "train.epochs=1", "--set",
                "data.train_limit=100", "--set", "data.test_limit=50", "--device", "cpu");
        assertEquals(0, trained.code(), trained.err());
        Path run;
        try (var list = Files.list(runs)) {
            run = list.findFirst().orElseThrow();
        }
        Path out = dir.resolve("student.safetensors");
        CliRun o = CliRun.of("export", run.toString(), "--checkpoint", "last", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("exported model seed 0 (last): resnet18 at 7x7, width 0.0625, small stem,"
                + " 10 classes"), o.out());
        String json = Files.readString(dir.resolve("student.json"));
        for (String field : new String[] {"\"backbone\" : \"resnet18\"", "\"stem\" : \"small\"",
                "\"input_size\" : 7", "\"channels\" : 1", "\"classes\" : 10", "\"names\" : \"torchvision\"",
                "\"mean\" : [ 0.286 ]"}) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        // the file is the network and nothing else: it loads back into one with no note and no misfit
        BackboneSpec spec = new BackboneSpec("resnet18", 7, 1, 10, 0.0625, "small", 0);
        assertEquals(List.of(), PretrainedWeights.check(spec, out, "model.weights"));
        CliRun bad = CliRun.of("export", run.toString(), "--out", dir.resolve("student.pt").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--out must name a .safetensors file"), bad.err());
    }
}
