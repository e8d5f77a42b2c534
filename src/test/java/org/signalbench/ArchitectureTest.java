package org.signalbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

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
    static final ArchRule onlyTheUiUsesJavaFx = ArchitectureRules.ONLY_THE_UI_USES_JAVAFX;

    /** The list of classes still speaking SQL only shrinks: a listed class that no longer does must leave it. */
    @Test
    void everyClassStillListedAsSpeakingSqlStillDoes() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.signalbench");
        Set<String> speaking = new TreeSet<>();
        for (JavaClass c : main) {
            boolean usesSql = c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("java.sql"));
            if (usesSql && !c.getPackageName().startsWith("org.signalbench.store")) {
                speaking.add(c.getName().replaceAll("\\$.*", ""));
            }
        }
        assertEquals(new TreeSet<>(ArchitectureRules.STILL_SPEAKING_SQL), speaking,
                "classes outside store that use java.sql; take moved classes off ArchitectureRules.STILL_SPEAKING_SQL");
    }
}
