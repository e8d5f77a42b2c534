package org.signalbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/**
 * The architecture's rules, in one place so that {@link ArchitectureTest} checks the production
 * classes with them and {@link ArchitectureRulesRejectViolationsTest} shows them failing on the
 * violating fixtures.
 *
 * <p>Layers, each allowed to use only the layers below it: the front ends (ui, cli, and the
 * launcher above both) → app (use-case services) → the logic packages → store → domain.
 */
final class ArchitectureRules {
    static final String ENTRY = "Entry";
    static final String UI = "UI";
    static final String CLI = "CLI";
    static final String APP = "App";
    static final String LOGIC = "Logic";
    static final String STORE = "Store";
    static final String DOMAIN = "Domain";

    /**
     * The logic packages: everything that is neither a front end, the application layer, the store
     * nor the domain ({@code topics} is on its way from a parallel branch). A new package joins a
     * layer here, or {@link #EVERY_CLASS_IN_A_LAYER} fails.
     */
    static final List<String> LOGIC_PACKAGES = List.of("org.signalbench.importing..", "org.signalbench.exporting..",
            "org.signalbench.bundle..", "org.signalbench.preprocess..", "org.signalbench.labels..",
            "org.signalbench.agreement..", "org.signalbench.findings..", "org.signalbench.models..",
            "org.signalbench.sample..", "org.signalbench.jobs..", "org.signalbench.topics..",
            "org.signalbench.filters..", "org.signalbench.links..");

    private ArchitectureRules() {
    }

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer(ENTRY).definedBy("org.signalbench")
            .layer(UI).definedBy("org.signalbench.ui..")
            .layer(CLI).definedBy("org.signalbench.cli..")
            .layer(APP).definedBy("org.signalbench.app..")
            .layer(LOGIC).definedBy(LOGIC_PACKAGES.toArray(String[]::new))
            .layer(STORE).definedBy("org.signalbench.store..")
            .layer(DOMAIN).definedBy("org.signalbench.domain..")
            .whereLayer(ENTRY).mayNotBeAccessedByAnyLayer()
            .whereLayer(UI).mayOnlyBeAccessedByLayers(ENTRY)
            .whereLayer(CLI).mayOnlyBeAccessedByLayers(ENTRY)
            .whereLayer(APP).mayOnlyBeAccessedByLayers(ENTRY, UI, CLI)
            .whereLayer(LOGIC).mayOnlyBeAccessedByLayers(ENTRY, UI, CLI, APP)
            .whereLayer(STORE).mayOnlyBeAccessedByLayers(ENTRY, UI, CLI, APP, LOGIC)
            .whereLayer(DOMAIN).mayOnlyBeAccessedByLayers(ENTRY, UI, CLI, APP, LOGIC, STORE)
            .because("each layer builds on the ones below it only (docs/architecture.md)");

    /** Every class of ours sits in one of the layers' packages. */
    static final ArchRule EVERY_CLASS_IN_A_LAYER = classes().that().resideInAPackage("org.signalbench..")
            .should().resideInAnyPackage(allLayerPackages())
            .because("a class outside the layers escapes the layer rules; add its package to a layer");

    private static String[] allLayerPackages() {
        List<String> all = new java.util.ArrayList<>(List.of("org.signalbench", "org.signalbench.ui..",
                "org.signalbench.cli..", "org.signalbench.app..", "org.signalbench.store..", "org.signalbench.domain.."));
        all.addAll(LOGIC_PACKAGES);
        return all.toArray(String[]::new);
    }

    /** Only {@code store} speaks JDBC. */
    static final ArchRule ONLY_THE_STORE_SPEAKS_SQL = noClasses()
            .that().resideOutsideOfPackage("org.signalbench.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("the store is the only package that speaks SQL (docs/architecture.md)");

    /**
     * What the view models may name of the store: the workbench handle (open, close, its file), the
     * post reads' values that {@code app.PostReads} hands out, and where files live (the data
     * directory, the built-in sample). Sessions,
     * connections, transactions and repositories are the application layer's: a view model calls an
     * {@code app} service.
     */
    static final Set<String> STORE_CLASSES_THE_UI_MAY_NAME = Set.of("org.signalbench.store.Workbench",
            "org.signalbench.store.PostQuery", "org.signalbench.store.DataLocations", "org.signalbench.store.BuiltInSample",
            "org.signalbench.store.StoreException", "org.signalbench.store.EnvironmentFault"); // the store's errors, shown as they are

    /** The UI reaches persistence only through {@code app} (beside the names above). */
    static final ArchRule THE_UI_GOES_THROUGH_APP = noClasses()
            .that().resideInAPackage("org.signalbench.ui..")
            .should().dependOnClassesThat(DescribedPredicate.describe("are store classes other than "
                    + STORE_CLASSES_THE_UI_MAY_NAME, (JavaClass c) -> c.getPackageName().startsWith("org.signalbench.store")
                    && !STORE_CLASSES_THE_UI_MAY_NAME.contains(c.getName().replaceAll("\\$.*", ""))))
            .orShould().callMethod("org.signalbench.store.Workbench", "connection")
            .orShould().callMethod("org.signalbench.store.Workbench", "newConnection")
            .orShould().callMethod("org.signalbench.store.Workbench", "newBulkConnection")
            .orShould().callMethod("org.signalbench.store.Workbench", "openSession")
            .orShould().callMethod("org.signalbench.store.Workbench", "openBulkSession")
            .because("view models call app services, never persistence (issue 9, docs/architecture.md)");

    static final ArchRule ONLY_THE_UI_USES_JAVAFX = noClasses()
            .that().resideOutsideOfPackage("org.signalbench.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the domain, store, logic and application layers must run without a display");
}
