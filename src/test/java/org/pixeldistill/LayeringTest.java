package org.pixeldistill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** core never depends on the GUI or the command line: everything the GUI does, the CLI and tests can do. */
class LayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pixeldistill");

    @Test
    void coreHasNoJavaFxAndNoUpwardDependencies() {
        noClasses().that().resideInAPackage("org.pixeldistill.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.pixeldistill.cli..",
                        "org.pixeldistill.ui..", "picocli..")
                .check(classes);
    }

    @Test
    void viewModelsNeedNoToolkit() {
        // javafx.beans and javafx.collections are fine (plain observable values); scenes and stages are not
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .check(classes);
    }
}
