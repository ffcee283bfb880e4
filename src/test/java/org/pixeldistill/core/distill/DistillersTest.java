package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.DistillerKind;
import org.pixeldistill.core.config.DistillerKinds;
import org.pixeldistill.core.config.DistillerSettings;
import org.pixeldistill.core.config.FitnetConfig;
import org.pixeldistill.core.config.IsrdConfig;
import org.pixeldistill.core.config.KdConfig;
import org.pixeldistill.core.config.SpConfig;

/**
 * The two registries (descriptions in core/config, loss factories here) must list the same
 * distillers, and every settings record and every distiller class in the code must be in them: a
 * distiller written but not registered, or registered on one side only, fails here.
 */
class DistillersTest {

    /** The production classes, without tests. */
    private static List<JavaClass> concreteImplementations(Class<?> type) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pixeldistill").stream()
                .filter(c -> c.isAssignableTo(type) && !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .toList();
    }

    @Test
    void createsOnlyTheActiveOnesInConfigOrder() {
        DistillConfig cfg = DistillConfig.of(new IsrdConfig(null), new KdConfig(null, null), new FitnetConfig(null));
        List<Distiller> list = Distillers.create(cfg);
        assertEquals(List.of("kd", "fitnet", "isrd"), list.stream().map(Distiller::name).toList());
        assertInstanceOf(KdDistiller.class, list.get(0));
        assertInstanceOf(FitnetDistiller.class, list.get(1));
        assertInstanceOf(IsrdDistiller.class, list.get(2));
        assertEquals(List.of(), Distillers.create(DistillConfig.none()));
        assertEquals(List.of(), Distillers.create(null));
    }

    @Test
    void everyDescribedDistillerHasAFactoryThatBuildsItUnderItsName() {
        for (DistillerKind<?> kind : DistillerKinds.ALL) {
            List<Distiller> built = Distillers.create(DistillConfig.of(kind.defaults()));
            assertEquals(1, built.size(), kind.name());
            assertEquals(kind.name(), built.get(0).name(), "the distiller built for " + kind.name());
        }
    }

    @Test
    void everyFactoryIsForADescribedDistillerOnce() {
        List<DistillerKind<?>> factoryKinds = Distillers.FACTORIES.stream().<DistillerKind<?>>map(Distillers.Factory::kind)
                .toList();
        assertEquals(Set.copyOf(DistillerKinds.ALL), Set.copyOf(factoryKinds),
                "Distillers.FACTORIES and DistillerKinds.ALL must list the same distillers");
        assertEquals(factoryKinds.size(), Set.copyOf(factoryKinds).size(), "a distiller has two factories");
        assertEquals(DistillerKinds.ALL.size(), Set.copyOf(DistillerKinds.names()).size(), "two kinds share a name");
    }

    @Test
    void everySettingsRecordIsDescribed() {
        Set<String> described = DistillerKinds.ALL.stream().map(k -> k.type().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> written = concreteImplementations(DistillerSettings.class).stream().map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(written.size() >= 8, "settings records found: " + written);
        assertEquals(written, described, "each DistillerSettings record needs its line in DistillerKinds.ALL");
    }

    @Test
    void everyDistillerClassIsBuiltByAFactory() {
        Set<String> built = DistillerKinds.ALL.stream()
                .map(k -> Distillers.create(DistillConfig.of(k.defaults())).get(0).getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> written = concreteImplementations(Distiller.class).stream().map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(written.size() >= 8, "distillers found: " + written);
        assertEquals(written, built, "each Distiller needs its line in Distillers.FACTORIES");
    }

    @Test
    void ceScaleIsTheSmallestAndOneWithoutDistillers() {
        // KD alpha 0.9 -> CE keeps 1 - 0.9 = 0.1; ISRD leaves CE at 1; the minimum wins
        List<Distiller> kdIsrd = Distillers.create(DistillConfig.of(new KdConfig(0.9, 4.0), new IsrdConfig(50.0)));
        assertEquals(0.1, Distillers.ceScale(kdIsrd), 1e-12);
        assertEquals(1.0, Distillers.ceScale(Distillers.create(DistillConfig.of(new SpConfig(null)))));
        assertEquals(1.0, Distillers.ceScale(List.of()));
    }
}
