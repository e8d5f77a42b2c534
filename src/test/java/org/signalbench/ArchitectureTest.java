package org.signalbench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks the production classes against {@link ArchitectureRules}: the layers, JDBC only in the store, JavaFX only in the UI. */
@AnalyzeClasses(packages = "org.signalbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ArchitectureRules.LAYERS;

    @ArchTest
    static final ArchRule everyClassIsInALayer = ArchitectureRules.EVERY_CLASS_IN_A_LAYER;

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = ArchitectureRules.ONLY_THE_STORE_SPEAKS_SQL;

    @ArchTest
    static final ArchRule theUiGoesThroughApp = ArchitectureRules.THE_UI_GOES_THROUGH_APP;

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = ArchitectureRules.ONLY_THE_UI_USES_JAVAFX;

}
