package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.cache.CacheKey;
import org.pixeldistill.core.cache.CacheListener;
import org.pixeldistill.core.cache.RecordedViews;
import org.pixeldistill.core.cache.TeacherCache;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.data.FashionMnist;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * A detector student's teacher cache: AFP's losses from recorded outputs equal the live teacher's
 * on the same views, and a damaged or stale file is rebuilt, never used. A tiny aligned pair (the
 * teacher at 56 with its levels shifted by one, the student at 28) on 6 generated 56-pixel scenes.
 */
class DetectionCacheTest {
    private static final int SCENES = 6;
    private static final DetectConfig.Distill AFP = new DetectConfig.Distill(true, 2.0, 1.0, 1.0, 1.0);

    private static FashionMnistScenes scenes;
    private static DetectionViews views;
    private static DetectorNetwork teacher;

    @BeforeAll
    static void open() {
        scenes = new FashionMnistScenes(FashionMnist.load(Path.of("assets/fashion-mnist"), true), SCENES, 7,
                FashionMnistScenes.Settings.forCanvas(56));
        views = new DetectionViews(56, 28, Interpolation.AREA, new Normalization(new float[] {0.3f}, new float[] {0.35f}),
                true);
        teacher = DetectorNetwork.create(spec(56, 1), 2f, Device.cpu(), 1, false);
    }

    @AfterAll
    static void close() {
        teacher.close();
    }

    static DetectorSpec spec(int size, int shift) {
        return new DetectorSpec(new BackboneSpec("resnet18", size, 1, 10, 0.125, "small", 0), 16, 1, 3, shift, 9);
    }

    private static DetectionCacheRecipe recipe(DetectionCacheLayout layout, int viewCount) {
        CacheKey key = new CacheKey(DetectionCache.identityInMemory(teacher) + "; records " + layout.describe(),
                DetectionCache.fingerprint(scenes), views.largeViewRecipe(), viewCount, 0);
        return new DetectionCacheRecipe(scenes, views, teacher, layout, key, 4, 1);
    }

    private static TeacherCache build(Path folder, DetectionCacheRecipe recipe, CacheListener listener) {
        return TeacherCache.openOrBuild(folder, recipe, listener, () -> false);
    }

    @Test
    void cachedAndLiveAfpLossesAreEqualOnTheSameViews(@TempDir Path dir) {
        DetectionCacheLayout layout = DetectionCacheLayout.of(teacher, true);
        assertTrue(layout.hasFeatures());
        TeacherCache cache = build(dir, recipe(layout, 2), CacheListener.SILENT);
        assertEquals(SCENES, cache.images());
        DetectionBatches fromCache = new DetectionBatches(scenes, views, false);
        DetectionBatches live = new DetectionBatches(scenes, views, true);
        try (DetectorNetwork a = DetectorNetwork.create(spec(28, 0), 2f, Device.cpu(), 0, true);
                DetectorNetwork b = DetectorNetwork.create(spec(28, 0), 2f, Device.cpu(), 0, true)) {
            DetectionStep liveStep = new DetectionStep(a, teacher, AFP, DetectionStepTest.train());
            DetectionStep cachedStep = new DetectionStep(b, null, AFP, DetectionStepTest.train(), layout);
            int mirroredSeen = 0;
            // two epochs, two steps each: the second step of each also checks that both students moved alike
            for (int epoch = 0; epoch < 2; epoch++) {
                int[] order = DetectionBatches.order(SCENES, 3, epoch);
                for (int from = 0; from < SCENES; from += 3) {
                    DetectionBatches.Cached c = fromCache.cached(order, from, from + 3, cache, 3, epoch);
                    boolean[] mirrored = new boolean[3];
                    for (int j = 0; j < 3; j++) {
                        int image = order[from + j];
                        mirrored[j] = cache.flipped(image, RecordedViews.pick(3, epoch, image, 2));
                        mirroredSeen += mirrored[j] ? 1 : 0;
                    }
                    DetectionBatch same = live.fixed(order, from, from + 3, mirrored);
                    assertArrayEquals(same.small(), c.batch().small(), "the student sees the same pixels");
                    assertEquals(same.boxes(), c.batch().boxes(), "and the same boxes");
                    Map<String, Double> liveSums = new LinkedHashMap<>();
                    Map<String, Double> cachedSums = new LinkedHashMap<>();
                    liveStep.run(same, 0.05, liveSums);
                    cachedStep.run(c, 0.05, cachedSums);
                    assertEquals(liveSums.keySet(), cachedSums.keySet());
                    assertTrue(liveSums.keySet().containsAll(List.of("afp_class", "afp_box", "afp_feature")));
                    for (String term : liveSums.keySet()) {
                        double x = liveSums.get(term);
                        assertTrue(x > 0 && Double.isFinite(x), term + " = " + x);
                        assertEquals(x, cachedSums.get(term), 1e-5 * Math.abs(x), term);
                    }
                }
            }
            assertTrue(mirroredSeen > 0 && mirroredSeen < 12, "both recorded views are used: " + mirroredSeen + " of 12");
        }
    }

    @Test
    void viewsAlternateMirroringAndRecordTheWholeSquare(@TempDir Path dir) {
        TeacherCache cache = build(dir, recipe(DetectionCacheLayout.of(teacher, false), 2), CacheListener.SILENT);
        for (int i = 0; i < SCENES; i++) {
            assertFalse(cache.flipped(i, 0));
            assertTrue(cache.flipped(i, 1));
            assertEquals(56, cache.box(i, 1).w(), 1e-6);
        }
        // grids 14, 7, 4 with 9 anchors a cell: 2349 anchors, 10 class logits and 4 offsets each, no features
        assertEquals(2349 * 14, cache.classes());
        // each epoch pair shows an image once mirrored and once not
        for (int i = 0; i < SCENES; i++) {
            assertTrue(RecordedViews.pick(5, 0, i, 2) != RecordedViews.pick(5, 1, i, 2));
        }
    }

    @Test
    void aDamagedOrStaleCacheIsRebuiltNotUsed(@TempDir Path dir) throws IOException {
        DetectionCacheRecipe recipe = recipe(DetectionCacheLayout.of(teacher, false), 2);
        TeacherCache first = build(dir, recipe, CacheListener.SILENT);
        byte[] whole = Files.readAllBytes(first.file());
        float[] expected = new float[first.classes()];
        first.copyLogits(4, 1, expected, 0);

        byte[] damaged = whole.clone();
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(first.file(), damaged);
        Listener heard = new Listener();
        TeacherCache rebuilt = build(dir, recipe, heard);
        assertTrue(heard.said("unusable (damaged: checksum mismatch)"), heard.messages.toString());
        assertTrue(heard.said("teacher cache ready"), heard.messages.toString());
        assertArrayEquals(whole, Files.readAllBytes(rebuilt.file()), "recorded again, byte for byte");
        float[] again = new float[rebuilt.classes()];
        rebuilt.copyLogits(4, 1, again, 0);
        assertArrayEquals(expected, again);

        Files.write(first.file(), java.util.Arrays.copyOf(whole, whole.length - 100));
        heard = new Listener();
        build(dir, recipe, heard);
        assertTrue(heard.said("unusable (truncated"), heard.messages.toString());

        // another teacher's file where this key's should be: stale
        DetectionCacheRecipe withFeatures = recipe(DetectionCacheLayout.of(teacher, true), 2);
        Path otherKeysFile = TeacherCache.fileFor(dir, withFeatures.key());
        Files.copy(first.file(), otherKeysFile, StandardCopyOption.REPLACE_EXISTING);
        heard = new Listener();
        TeacherCache fresh = build(dir, withFeatures, heard);
        assertTrue(heard.said("unusable (stale"), heard.messages.toString());
        assertEquals(withFeatures.outputsPerView(), fresh.classes());

        heard = new Listener();
        build(dir, withFeatures, heard);
        assertTrue(heard.said("teacher cache reused"), heard.messages.toString());
    }

    /** Keeps what a cache says. */
    private static final class Listener implements CacheListener {
        final List<String> messages = new ArrayList<>();

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }

        boolean said(String part) {
            return messages.stream().anyMatch(m -> m.contains(part));
        }
    }
}
