package org.pixeldistill.core.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.loop.GradMode;

/**
 * Time and size of recording the demo's teacher cache (not a unit test: run with {@code
 * -Dpixeldistill.benchmark=true -Dai.djl.pytorch.num_threads=2}): the 10,000-image slice, the
 * demo student's views (pad 2, flip), ResNet-18 x0.25 with the small stem at 28 (random weights:
 * speed does not depend on them), 2 view workers, for the view counts in {@code -Dbench.views}
 * (default 1,4,8) and teacher batches of {@code -Dbench.batch} (default 64).
 */
@EnabledIfSystemProperty(named = "pixeldistill.benchmark", matches = "true")
class TeacherCacheBuildBenchmark {
    @Test
    void recordTheDemoCache(@TempDir Path dir) throws IOException {
        GradMode.offOnThisThread();
        int batch = Integer.getInteger("bench.batch", 64);
        try (CacheFixture fx = new CacheFixture(0)) {
            for (String n : System.getProperty("bench.views", "1,4,8").split(",")) {
                int views = Integer.parseInt(n.trim());
                CacheBuild build = CacheBuild.of(fx.cacheTeacher(), fx.train, fx.sampler, fx.key(views, 0))
                        .withBatchSize(batch).withWorkers(2);
                Path folder = Files.createDirectories(dir.resolve("v" + views));
                long start = System.nanoTime();
                TeacherCache cache = TeacherCache.openOrBuild(folder, build, CacheListener.SILENT, () -> false);
                double seconds = (System.nanoTime() - start) / 1e9;
                long open = System.nanoTime();
                TeacherCache.open(cache.file(), cache.key(), fx.train.size(), 10);
                double openSeconds = (System.nanoTime() - open) / 1e9;
                System.out.printf(Locale.ROOT, "views=%d images=%d batch=%d threads=%s: built in %.1f s (%.0f views/s),"
                        + " %d bytes (%s), opened and checked in %.2f s%n", views, cache.images(), batch,
                        System.getProperty("ai.djl.pytorch.num_threads", "default"), seconds,
                        cache.images() * (double) views / seconds, cache.sizeBytes(), TeacherCache.size(cache.sizeBytes()),
                        openSeconds);
            }
        } catch (CacheInvalidException e) {
            throw new AssertionError(e);
        }
    }
}
