package org.pixeldistill.core.cache;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The cache sits between the data and the training loop: the loop will use it, so it must not use
 * the loop's packages (that would make a cycle), and the data package must not know it.
 */
class CacheLayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pixeldistill.core");

    @Test
    void theCacheUsesNoTrainingPackage() {
        noClasses().that().resideInAPackage("org.pixeldistill.core.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pixeldistill.core.train..",
                        "org.pixeldistill.core.loop..", "org.pixeldistill.core.sweep..", "org.pixeldistill.core.detect..")
                .check(classes);
    }

    @Test
    void theDataPackageDoesNotKnowTheCache() {
        noClasses().that().resideInAPackage("org.pixeldistill.core.data..")
                .should().dependOnClassesThat().resideInAPackage("org.pixeldistill.core.cache..")
                .check(classes);
    }
}
