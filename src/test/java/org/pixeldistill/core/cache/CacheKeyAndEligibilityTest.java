package org.pixeldistill.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.model.BackboneSpec;

/** What a key depends on, and which distiller sets may run from a cache. */
class CacheKeyAndEligibilityTest {
    private static ImageDataset slice(int limit) {
        DataConfig cfg = new DataConfig("fashion-mnist", CacheFixture.DATA, limit, 10, null, null, null, "pad", null, 2,
                true, "area", null, 1);
        return DataSets.open(cfg, Path.of("")).train();
    }

    @Test
    void theTeacherIsKnownByItsWeights(@TempDir Path dir) throws IOException {
        BackboneSpec spec = new BackboneSpec("resnet18", 28, 1, 10, 0.25, "small", 0);
        Path a = Files.write(dir.resolve("a.params"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.params"), new byte[] {1, 2, 4});
        Path a2 = Files.write(dir.resolve("a2.params"), new byte[] {1, 2, 3});
        assertEquals(CacheIdentity.teacher(spec, a), CacheIdentity.teacher(spec, a2));
        assertNotEquals(CacheIdentity.teacher(spec, a), CacheIdentity.teacher(spec, b));
        assertNotEquals(CacheIdentity.teacher(spec, a), CacheIdentity.teacher(spec.withInputSize(56), a));
    }

    @Test
    void theDataIsKnownByItsContent() {
        String forty = CacheIdentity.dataset(slice(40));
        assertEquals(forty, CacheIdentity.dataset(slice(40)));
        assertNotEquals(forty, CacheIdentity.dataset(slice(50)));
        assertTrue(forty.contains("40 images"), forty);
    }

    @Test
    void theDataSourceResolvesTheFolderLikeTheDataSets(@TempDir Path dir) {
        DataConfig relative = new DataConfig("fashion-mnist", "../data", 500, null, null, null, null, null, null, null,
                null, null, null, null);
        String source = CacheIdentity.dataSource(relative, dir.resolve("configs"));
        assertTrue(source.startsWith("fashion-mnist at " + dir.resolve("data").toAbsolutePath()), source);
        assertTrue(source.contains("train_limit 500"), source);
    }

    @Test
    void keysNameTheirFirstDifference() {
        CacheKey k = new CacheKey("t", "d", "v", 4, 0);
        assertNotEquals(k.digest(), new CacheKey("t", "d", "v", 4, 1).digest());
        assertEquals(64, k.digest().length());
        assertTrue(CacheKey.firstDifference(k.text(), new CacheKey("t", "d", "w", 4, 0).text()).contains("views: v"));
        assertThrows(IllegalArgumentException.class, () -> new CacheKey("t", "d", "v", 0, 0));
    }

    @Test
    void logitDistillersRunFromTheCacheFeatureDistillersDoNot() {
        assertTrue(CacheEligibility.decide("auto", List.of("kd")).useCache());
        assertTrue(CacheEligibility.decide("auto", List.of("dkd", "isrd")).useCache());
        assertTrue(CacheEligibility.decide("auto", List.of("kd", "isrd")).reason().startsWith("teacher cache on"));
        for (String feature : List.of("at", "sp", "ickd", "fitnet", "feature")) {
            CacheEligibility.Decision d = CacheEligibility.decide("auto", List.of("kd", feature));
            assertFalse(d.useCache(), feature);
            assertTrue(d.reason().contains(feature + " reads the teacher's feature maps"), d.reason());
        }
        assertFalse(CacheEligibility.decide("off", List.of("kd")).useCache());
        assertFalse(CacheEligibility.decide("auto", List.of()).useCache());
        assertThrows(IllegalArgumentException.class, () -> CacheEligibility.decide("on", List.of("kd")));
    }
}
