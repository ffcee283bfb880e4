package org.pixeldistill.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.DkdConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.data.BatchLoader;
import org.pixeldistill.core.data.EpochOrder;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.distill.DistillContext;
import org.pixeldistill.core.distill.Distiller;
import org.pixeldistill.core.distill.DkdDistiller;
import org.pixeldistill.core.distill.IsrdDistiller;
import org.pixeldistill.core.distill.KdDistiller;
import org.pixeldistill.core.model.FeatureTaps;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.train.Network;

/**
 * On the same views, the distillers give the same losses from the cache as from the live teacher,
 * and the cached batch's views are the ones the build drew.
 */
class CachedLossesTest {
    private static final int VIEWS = 3;
    private static final long STUDENT_SEED = 5;
    private static final int EPOCH = 4;

    @TempDir
    static Path dir;
    static CacheFixture fx;
    static TeacherCache cache;

    @BeforeAll
    static void record() {
        GradMode.offOnThisThread();
        fx = new CacheFixture(60);
        cache = TeacherCache.openOrBuild(dir, fx.build(VIEWS), CacheListener.SILENT, () -> false);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    private static Batch firstBatch() {
        try (BatchLoader loader = cache.loader(fx.train, fx.sampler, 32, STUDENT_SEED, EPOCH, 2)) {
            return loader.next();
        }
    }

    @Test
    void cachedAndLiveLossesAreEqual() {
        Batch b = firstBatch();
        List<Distiller> distillers = List.of(new KdDistiller(new KdConfig(0.9, 4.0)),
                new DkdDistiller(new DkdConfig(1.0, 8.0, 4.0, 0)), new IsrdDistiller(new IsrdConfig(50.0)));
        try (Network student = CacheFixture.student(); NDManager m = student.manager().newSubManager()) {
            NDArray xs = m.create(b.small(), new Shape(b.count(), 1, 7, 7));
            NDArray xl = m.create(b.large(), new Shape(b.count(), 1, 28, 28));
            NDArray labels = m.create(b.labels());
            FeatureTaps st = student.forward(xs, false);
            FeatureTaps live = fx.teacher.forward(xl, false);
            FeatureTaps cached = CachedTeacherTaps.of(m, b);
            float[] liveLogits = live.logits().toFloatArray();
            float[] cachedLogits = cached.logits().toFloatArray();
            assertClose(liveLogits, cachedLogits, 1e-4, "teacher logits");
            assertTrue(spread(cachedLogits) > 100 * 1e-4, "logits vary across images, so equality is not trivial");
            assertNull(cached.f0());
            DistillContext liveCtx = new DistillContext(st, live, labels, xl, EPOCH, true);
            DistillContext cachedCtx = new DistillContext(st, cached, labels, xl, EPOCH, true);
            for (Distiller d : distillers) {
                d.prepare(student.manager(), liveCtx);
                Map<String, NDArray> a = d.losses(student.store(), liveCtx);
                Map<String, NDArray> c = d.losses(student.store(), cachedCtx);
                assertEquals(a.keySet(), c.keySet());
                for (String term : a.keySet()) {
                    float x = a.get(term).getFloat();
                    float y = c.get(term).getFloat();
                    assertTrue(Float.isFinite(x) && x != 0, term + " is a real loss: " + x);
                    assertEquals(x, y, 1e-5 * Math.max(1, Math.abs(x)), term + ": live " + x + ", cached " + y);
                }
            }
        }
    }

    @Test
    void batchViewsAreTheRecordedDrawsRebuilt() {
        Batch b = firstBatch();
        int[] order = EpochOrder.shuffled(fx.train.size(), STUDENT_SEED, EPOCH);
        int small = 7 * 7;
        int large = 28 * 28;
        for (int k = 0; k < b.count(); k++) {
            int image = order[k];
            int view = RecordedViews.pick(STUDENT_SEED, EPOCH, image, VIEWS);
            TwoViewSampler.Views drawn = fx.sampler.train(fx.train.image(image), RecordedViews.generator(0, image, view));
            assertEquals(drawn.box(), cache.box(image, view));
            assertEquals(drawn.flipped(), cache.flipped(image, view));
            assertArrayEquals(drawn.small(), java.util.Arrays.copyOfRange(b.small(), k * small, (k + 1) * small));
            assertArrayEquals(drawn.large(), java.util.Arrays.copyOfRange(b.large(), k * large, (k + 1) * large));
            assertEquals(fx.train.label(image), b.labels()[k]);
        }
    }

    @Test
    void aStudentAtTheTeachersSizeHasItsOwnCacheOfTheOneSharedView(@TempDir Path other) {
        Normalization norm = Normalization.of(fx.data, 1);
        TwoViewSampler same = new TwoViewSampler(fx.data, 28, 28, norm.mean(), norm.std());
        CacheKey key = CacheKey.of("test teacher (random weights, seed 0)", "slice", fx.train, same, 1, 0);
        assertNotEquals(fx.key(1, 0).digest(), key.digest(), "its views are made another way");
        TeacherCache own = TeacherCache.openOrBuild(other, CacheBuild.of(fx.cacheTeacher(), fx.train, same, key),
                CacheListener.SILENT, () -> false);
        try (BatchLoader loader = own.loader(fx.train, same, 16, STUDENT_SEED, 0, 1);
                NDManager m = fx.teacher.manager().newSubManager()) {
            Batch b = loader.next();
            assertSame(b.small(), b.large(), "one array is both views, as in the live loader");
            float[] live = fx.teacher.forward(m.create(b.large(), new Shape(b.count(), 1, 28, 28)), false).logits().toFloatArray();
            assertClose(live, b.teacherLogits(), 1e-4, "teacher logits on the shared view");
        }
    }

    @Test
    void everyRecordedViewIsShownOncePerBlockOfEpochs() {
        for (int image = 0; image < 20; image++) {
            boolean[] seen = new boolean[VIEWS];
            for (int epoch = VIEWS; epoch < 2 * VIEWS; epoch++) {
                seen[RecordedViews.pick(STUDENT_SEED, epoch, image, VIEWS)] = true;
            }
            for (boolean s : seen) {
                assertTrue(s, "image " + image + " missed a view");
            }
        }
    }

    private static void assertClose(float[] a, float[] b, double tolerance, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], tolerance * Math.max(1, Math.abs(a[i])), what + " [" + i + "]");
        }
    }

    private static double spread(float[] a) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : a) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }
}
