package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.cache.CacheEligibility;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.loop.Cancellation;
import org.pixeldistill.core.loop.TrainingListener;
import org.pixeldistill.core.pipeline.RunPipeline;

/**
 * Whether a detector student reads a teacher cache, and the one console line that says so: the
 * rules on their own, then a tiny AFP run (teacher at 56 with its levels shifted, student at 28,
 * 16 scenes, one epoch each) whose console shows the decision and whose teacher folder then holds
 * the cache, reused by the next run.
 */
class DetectionCacheEligibilityTest {
    private static final long GB = 1_000_000_000L;

    @Test
    void theRules() {
        CacheEligibility.Decision off = CacheEligibility.decideDetector("off", true, true, true, 1, GB);
        assertFalse(off.useCache());
        assertEquals("teacher cache off (distill.teacher_cache: off): the detector teacher runs live", off.reason());

        CacheEligibility.Decision heads = CacheEligibility.decideDetector("auto", true, true, false, 500_000_000L, GB);
        assertTrue(heads.useCache());
        assertEquals("teacher cache on: AFP's class logits and box offsets recorded per view (500.0 MB, within the"
                + " 1000.0 MB disk budget)", heads.reason());

        CacheEligibility.Decision all = CacheEligibility.decideDetector("auto", true, true, true, 660_000_000L, GB);
        assertTrue(all.useCache());
        assertTrue(all.reason().startsWith("teacher cache on: AFP's class logits, box offsets and pyramid features"),
                all.reason());

        CacheEligibility.Decision over = CacheEligibility.decideDetector("auto", true, true, true, 1_200_000_000L, GB);
        assertFalse(over.useCache());
        assertEquals("teacher cache off: recording AFP's class logits, box offsets and pyramid features would take"
                + " 1200.0 MB, over the 1000.0 MB disk budget, so the teacher runs live", over.reason());

        CacheEligibility.Decision unaligned = CacheEligibility.decideDetector("auto", false, false, true, 1, GB);
        assertFalse(unaligned.useCache());
        assertTrue(unaligned.reason().contains("unaligned rule"), unaligned.reason());

        assertFalse(CacheEligibility.decideDetector("auto", true, false, false, 1, GB).useCache());
    }

    @Test
    void aTinyAfpRunSaysItReadsTheCacheAndTheNextRunReusesIt(@TempDir Path runs) throws IOException {
        Path configs = Files.createDirectories(runs.resolve("configs"));
        Files.writeString(configs.resolve("teacher.yaml"), "name: cache-teacher\n" + data() + model(56)
                + detect(1, "") + train());
        Files.writeString(configs.resolve("student.yaml"), "name: cache-student\nteacher:\n  config: teacher.yaml\n"
                + data() + model(28) + detect(0, "  distill:\n    aligned: true\n") + train());
        Files.writeString(configs.resolve("live.yaml"), "name: cache-live\nteacher:\n  config: teacher.yaml\n"
                + "distill:\n  teacher_cache: off\n" + data() + model(28) + detect(0, "  distill:\n    aligned: true\n")
                + train());

        List<String> said = train(runs, configs.resolve("student.yaml"));
        String line = said.stream().filter(m -> m.startsWith("teacher cache on")).findFirst().orElseThrow(
                () -> new AssertionError("no decision line in " + said));
        assertTrue(line.contains("class logits, box offsets and pyramid features") && line.contains("within the 1000.0 MB"
                + " disk budget") && line.endsWith("2 view(s) per image, not 4: a detector's view is the whole image,"
                + " mirrored or not"), line);
        assertTrue(said.stream().anyMatch(m -> m.startsWith("teacher cache ready: 16 images x 2 views")), said.toString());
        assertEquals(1, cacheFiles(runs).size(), "one cache beside the teacher");

        // a second student (another seed, so another run) with the same teacher and views
        Files.writeString(configs.resolve("student2.yaml"), Files.readString(configs.resolve("student.yaml"))
                .replace("cache-student", "cache-student-2").replace("seeds: [0]", "seeds: [1]"));
        List<String> again = train(runs, configs.resolve("student2.yaml"));
        assertTrue(again.stream().anyMatch(m -> m.startsWith("teacher cache reused: 16 images x 2 views")), again.toString());

        List<String> live = train(runs, configs.resolve("live.yaml"));
        assertTrue(live.contains("teacher cache off (distill.teacher_cache: off): the detector teacher runs live"),
                live.toString());
        assertEquals(1, cacheFiles(runs).size());
    }

    private static List<String> train(Path runs, Path config) {
        List<String> said = new CopyOnWriteArrayList<>();
        RunConfig cfg = ConfigLoader.load(config);
        new RunPipeline(runs, new TrainingListener() {
            @Override
            public void onMessage(String message) {
                said.add(message);
            }
        }, new Cancellation()).train(cfg);
        return said;
    }

    private static List<Path> cacheFiles(Path runs) throws IOException {
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(f -> f.toString().endsWith(".pdtc")).toList();
        }
    }

    private static String data() {
        return "data:\n  dataset: fashion-mnist-scenes\n  path: " + TinyDetectorRuns.DATA
                + "\n  train_limit: 16\n  test_limit: 4\n  interpolation: area\n  workers: 1\n";
    }

    private static String model(int size) {
        return "model:\n  backbone: resnet18\n  input_size: " + size + "\n  width: 0.125\n  stem: small\n";
    }

    private static String detect(int shift, String distill) {
        return "detect:\n  canvas: 56\n  max_items: 2\n  pyramid_channels: 16\n  head_convs: 1\n  anchor_size: 2\n"
                + "  level_shift: " + shift + "\n" + distill;
    }

    private static String train() {
        return "train:\n  epochs: 1\n  batch_size: 8\n  lr: 0.05\n  clip_grad_norm: 1.0\n  seeds: [0]\n";
    }
}
