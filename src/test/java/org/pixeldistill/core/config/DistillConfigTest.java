package org.pixeldistill.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The distill section: its YAML, bound through the registry, reads and hashes as it always has. */
class DistillConfigTest {
    private static final String HEAD = "name: x\nteacher:\n  config: /t.yaml\ndistill:\n";

    private static RunConfig parse(String entries) {
        return ConfigLoader.parse(HEAD + entries, "test");
    }

    @Test
    void hashesAreThoseOfTheRecordWithOneComponentPerDistiller() {
        // values computed before the section was bound through DistillerKinds: cached teachers and
        // sweep cells are named by these hashes
        RunConfig kdIsrd = parse("  kd: {alpha: 0.5}\n  isrd: {eta: 10}\n");
        assertEquals("a70b2db2", ConfigHash.of(kdIsrd).substring(0, 8));
        RunConfig others = parse("  dkd: {warmup: 3}\n  sp: {}\n  ickd: {weight: 1}\n  fitnet: {}\n  feature: {}\n");
        assertEquals("957fce8e", ConfigHash.of(others).substring(0, 8));
        String yaml = ConfigLoader.toYaml(kdIsrd);
        assertTrue(yaml.contains("distill:\n  kd:\n    alpha: 0.5\n    temperature: 4.0\n  at: null\n  sp: null\n"
                + "  ickd: null\n  dkd: null\n  fitnet: null\n  isrd:\n    eta: 10.0\n  feature: null\n"), yaml);
        assertEquals(kdIsrd, ConfigLoader.parse(yaml, "round trip"));
    }

    @Test
    void everyKeyWrittenWhenOffIsRegistered() {
        assertTrue(DistillerKinds.names().containsAll(DistillConfigJson.WRITTEN_WHEN_OFF), DistillerKinds.names().toString());
    }

    @Test
    void anEmptyEntryIsItsKindsDefaultsAndTheyAreValid() {
        for (DistillerKind<?> kind : DistillerKinds.ALL) {
            DistillConfig read = parse("  " + kind.name() + ": {}\n").distill();
            assertEquals(List.of(kind.name()), read.active());
            assertEquals(kind.defaults(), read.get(kind.type()), kind.name());
            for (int r : List.of(1, 2, 3, 4, 8)) {
                kind.defaultsAt(r).validate("distill." + kind.name());
            }
        }
    }

    @Test
    void unknownKeysAndBadValuesNameTheirKey() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> parse("  kdd: {}\n"));
        assertTrue(unknown.getMessage().contains("'distill.kdd' (known here: at, cache_views, dkd, feature, fitnet, ickd, isrd, kd, sp, teacher_cache)"),
                unknown.getMessage());
        ConfigException inner = assertThrows(ConfigException.class, () -> parse("  kd: {alpa: 1}\n"));
        assertTrue(inner.getMessage().contains("'distill.kd.alpa' (known here: alpha, temperature)"), inner.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> parse("  at: {p: x}\n"));
        assertTrue(type.getMessage().contains("'distill.at.p' has the wrong type"), type.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () -> parse("  dkd: {temperature: 0}\n"));
        assertEquals("distill.dkd.temperature must be between 0.01 and 100, got 0", range.getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.parse("name: x\ntas:\n  assistant_distill:\n"
                + "    kd: {alpha: 2}\nteacher:\n  config: /t.yaml\n", "test")).getMessage()
                .startsWith("tas.assistant_distill.kd.alpha"));
    }

    @Test
    void entriesTakeTheRegistryOrderAndAppearOnce() {
        DistillConfig given = DistillConfig.of(new FeatureConfig(null), new IsrdConfig(null), new KdConfig(null, null));
        assertEquals(List.of("kd", "isrd", "feature"), given.active());
        assertEquals(DistillConfig.of(new KdConfig(null, null), new IsrdConfig(null), new FeatureConfig(null)), given);
        assertNull(given.get(AtConfig.class));
        assertThrows(IllegalArgumentException.class, () -> DistillConfig.of(new SpConfig(1.0), new SpConfig(2.0)));
        assertTrue(DistillConfig.none().isEmpty());
    }

    @Test
    void etaFollowsThePapersRuleWithRatioThreeAbove() {
        assertEquals(List.of(10.0, 10.0, 50.0, 50.0, 50.0),
                List.of(1, 2, 3, 4, 8).stream().map(IsrdConfig::etaAt).toList());
        assertEquals(10.0, IsrdConfig.KIND.defaultsAt(2).eta());
        assertEquals(50.0, IsrdConfig.KIND.defaultsAt(3).eta());
        assertEquals("10 for r <= 2, 50 above", IsrdConfig.ETA_RULE);
        // written without eta, no ratio is known: the paper's main setting, r = 4
        assertEquals(50.0, parse("  isrd: {}\n").distill().get(IsrdConfig.class).eta());
        assertEquals(new KdConfig(null, null), KdConfig.KIND.defaultsAt(2), "KD's defaults do not depend on r");
    }

    @Test
    void describeListsTheSettingsByTheirKeys() {
        assertEquals("alpha 1.0, beta 8.0, temperature 4.0, warmup 20", DkdConfig.KIND.describe(DkdConfig.KIND.defaults()));
    }

    @Test
    void teacherCacheKeysReadWithDefaultsAndBadValuesNameTheirKey() {
        DistillConfig plain = parse("  kd: {}\n").distill();
        assertEquals("auto", plain.teacherCache());
        assertEquals(DistillConfig.DEFAULT_CACHE_VIEWS, plain.cacheViews());
        DistillConfig set = parse("  kd: {}\n  teacher_cache: off\n  cache_views: 8\n").distill();
        assertEquals("off", set.teacherCache());
        assertEquals(8, set.cacheViews());
        assertEquals(set, ConfigLoader.parse(ConfigLoader.toYaml(parse("  kd: {}\n  teacher_cache: off\n  cache_views: 8\n")),
                "round trip").distill());
        ConfigException mode = assertThrows(ConfigException.class, () -> parse("  kd: {}\n  teacher_cache: always\n"));
        assertEquals("distill.teacher_cache must be one of [auto, off], got 'always'", mode.getMessage());
        ConfigException views = assertThrows(ConfigException.class, () -> parse("  kd: {}\n  cache_views: 0\n"));
        assertEquals("distill.cache_views must be >= 1, got 0", views.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> parse("  kd: {}\n  cache_views: many\n"));
        assertTrue(type.getMessage().contains("'distill.cache_views' has the wrong type"), type.getMessage());
    }

    @Test
    void theCacheKeysAtTheirDefaultsLeaveTheHashAsItWas() {
        RunConfig kdIsrd = parse("  kd: {alpha: 0.5}\n  isrd: {eta: 10}\n  teacher_cache: auto\n");
        assertEquals("a70b2db2", ConfigHash.of(kdIsrd).substring(0, 8));
        assertTrue(!ConfigLoader.toYaml(kdIsrd).contains("teacher_cache"));
    }
}
