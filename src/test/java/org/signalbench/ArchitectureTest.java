package org.signalbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the layers apart: the UI sits on logic, logic on the store and the domain model. Only the
 * UI touches JavaFX, so everything else runs from the command line and in plain tests.
 */
@AnalyzeClasses(packages = "org.signalbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.signalbench.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the domain, store and logic must run without a display");

    @ArchTest
    static final ArchRule nothingBelowTheUiUsesIt = noClasses()
            .that().resideOutsideOfPackage("org.signalbench.ui..")
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().dependOnClassesThat().resideInAPackage("org.signalbench.ui..");

    @ArchTest
    static final ArchRule theCommandLineIsAFrontEndToo = noClasses()
            .that().resideOutsideOfPackage("org.signalbench.cli..")
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().dependOnClassesThat().resideInAPackage("org.signalbench.cli..");

    @ArchTest
    static final ArchRule theDomainDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.signalbench.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.signalbench.store..", "org.signalbench.importing..", "org.signalbench.preprocess..",
                    "org.signalbench.labels..", "org.signalbench.findings..", "org.signalbench.sample..",
                    "org.signalbench.jobs..", "org.signalbench.bundle..");

    @ArchTest
    static final ArchRule theStoreDoesNotReachUp = noClasses()
            .that().resideInAPackage("org.signalbench.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.signalbench.importing..", "org.signalbench.findings..", "org.signalbench.sample..",
                    "org.signalbench.preprocess..", "org.signalbench.labels..");
}
