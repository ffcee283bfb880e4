package org.pixeldistill;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The layering of the whole program in one place. Three layers in one direction ({@code ui -> core},
 * {@code cli -> core}); inside core, packages without cycles in this order, each using only those
 * before it:
 *
 * <pre>
 * util, config            the user's words and their checks
 * model, data, run        networks from a spec, data sets and views, records on disk
 * distill, cost           losses over networks, what a network costs
 * loop                    the one training loop both tasks share
 * train, detect           the classifier task and the detector task, siblings
 * inspect, pipeline       looking inside live networks; the entry point that picks a task
 * sweep, report           grids of whole runs and the report on them
 * </pre>
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pixeldistill");

    @Test
    void coreHasNoJavaFxAndNoUpwardDependencies() {
        noClasses().that().resideInAPackage("org.pixeldistill.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.pixeldistill.cli..",
                        "org.pixeldistill.ui..", "picocli..")
                .because("everything the GUI can do, the command line and the tests can do headless")
                .check(CLASSES);
    }

    @Test
    void coreHasNoPackageCycles() {
        slices().matching("org.pixeldistill.core.(*)..").should().beFreeOfCycles()
                .because("two packages that use each other are one package in two folders: neither can be read,"
                        + " tested or changed alone")
                .check(CLASSES);
    }

    @Test
    void theBaseKnowsNothingAboveIt() {
        usesOnly("util", "texts shown to people need nothing of the program").check(CLASSES);
        usesOnly("table", "reading and writing CSV tables needs nothing of the program", "util").check(CLASSES);
        usesOnly("config", "a config is the user's words and their checks; it parses and validates without"
                + " building a network, opening data or training", "util").check(CLASSES);
    }

    @Test
    void networksDataAndRecordsStandOnConfigAlone() {
        usesOnly("model", "a network is built from its spec alone, whatever trains or feeds it", "util", "config")
                .check(CLASSES);
        usesOnly("data", "data sets and views feed any task and know no network", "util", "config").check(CLASSES);
        usesOnly("run", "the workbench, report and sweep read run records without loading any training code",
                "util", "config", "table").check(CLASSES);
    }

    @Test
    void lossesAndCostsNeedNoTraining() {
        usesOnly("distill", "a distiller is a loss over two networks' features, whichever loop calls it",
                "util", "config", "model").check(CLASSES);
        usesOnly("cost", "counting what a network and its input cost needs no training", "util", "config", "model",
                "data").check(CLASSES);
    }

    @Test
    void theLoopServesBothTasks() {
        usesOnly("loop", "the one training loop serves classifiers and detectors alike; a task's class in it would"
                + " tie it to that task", "util", "config", "model", "data", "run", "distill", "table", "cache")
                .check(CLASSES);
        usesOnly("cache", "a teacher's recorded outputs stand in for it in any loop; the cache runs no training",
                "util", "config", "model", "data", "run", "distill", "table").check(CLASSES);
    }

    @Test
    void theTasksAreSiblings() {
        String[] below = {"util", "table", "config", "model", "data", "run", "distill", "cost", "cache", "loop"};
        usesOnly("train", "classifier and detector are sibling tasks on the shared loop; which one a config runs is"
                + " decided above them, in pipeline", below).check(CLASSES);
        usesOnly("detect", "classifier and detector are sibling tasks on the shared loop; which one a config runs is"
                + " decided above them, in pipeline", below).check(CLASSES);
    }

    @Test
    void inspectionAndThePipelineSitOnTheTasks() {
        String[] below = {"util", "table", "config", "model", "data", "run", "distill", "cost", "cache", "loop", "train",
                "detect"};
        usesOnly("inspect", "inspection looks inside a task's live networks and never runs training itself", below)
                .check(CLASSES);
        usesOnly("pipeline", "the pipeline starts runs of either task; sweeps and reports build on it, not it on"
                + " them", below).check(CLASSES);
    }

    @Test
    void sweepsAndReportsAreOnTop() {
        noClasses().that().resideInAPackage("org.pixeldistill.core..")
                .and().resideOutsideOfPackages("org.pixeldistill.core.sweep..", "org.pixeldistill.core.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pixeldistill.core.sweep..",
                        "org.pixeldistill.core.report..")
                .because("a sweep runs whole runs and the report reads finished sweeps: nothing a run is made of"
                        + " may need either")
                .check(CLASSES);
        usesOnly("sweep", "a sweep plans and runs cells; reporting on them is the report's",
                "util", "table", "config", "model", "data", "run", "distill", "cost", "cache", "loop", "train",
                "detect", "inspect", "pipeline").check(CLASSES);
    }

    @Test
    void viewModelsNeedNoToolkit() {
        // javafx.beans and javafx.collections are fine (plain observable values); scenes and stages are not
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("WorkbenchModels")
                .or().haveSimpleName("CostReadout")
                .or().haveSimpleName("RunConfigBuilder")
                .or().haveSimpleName("BatchLossListener")
                .or().haveSimpleName("ProgressListener")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.embed..")
                .because("view-models (and what the workbench wires them with) are tested without a toolkit")
                .check(CLASSES);
    }

    /** No class of core package {@code pkg} uses a core package other than itself and {@code allowed}. */
    private static ArchRule usesOnly(String pkg, String because, String... allowed) {
        String[] permitted = Arrays.stream(allowed).map(LayeringTest::core).toArray(String[]::new);
        return noClasses().that().resideInAPackage(core(pkg))
                .should().dependOnClassesThat(resideInAPackage("org.pixeldistill.core..")
                        .and(not(resideInAPackage(core(pkg))))
                        .and(not(resideInAnyPackage(permitted)))
                        .as(allowed.length == 0 ? "reside in other core packages"
                                : "reside in core packages other than " + String.join(", ", allowed)))
                .because(because);
    }

    private static String core(String pkg) {
        return "org.pixeldistill.core." + pkg + "..";
    }
}
