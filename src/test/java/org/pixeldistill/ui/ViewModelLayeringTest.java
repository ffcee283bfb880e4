package org.pixeldistill.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** View-models (and what the workbench wires them with) run without a toolkit: no scene graph, no stage. */
class ViewModelLayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pixeldistill.ui");

    @Test
    void viewModelsNeedNoToolkit() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("WorkbenchModels")
                .or().haveSimpleName("CostReadout")
                .or().haveSimpleName("RunConfigBuilder")
                .or().haveSimpleName("BatchLossListener")
                .or().haveSimpleName("ProgressListener")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.embed..")
                .check(classes);
    }
}
