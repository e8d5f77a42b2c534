package org.signalbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.signalbench.nowhere.Homeless;
import org.signalbench.store.fixture.ReachesUpRepository;
import org.signalbench.ui.fixture.CatchesSqlInAView;
import org.signalbench.ui.fixture.SqlInAView;
import org.signalbench.ui.fixture.StoreInAView;

/** The architecture rules can fail: each rejects its violating fixture (test sources only) and passes a clean class. */
class ArchitectureRulesRejectViolationsTest {
    // The layer rule checks who uses a layer's classes, so the used logic classes are imported too.
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importClasses(ReachesUpRepository.class, SqlInAView.class, CatchesSqlInAView.class, StoreInAView.class, Homeless.class,
                    org.signalbench.models.RunStore.class, org.signalbench.agreement.Coefficients.class);
    private static final JavaClasses CLEAN = new ClassFileImporter()
            .importClasses(org.signalbench.store.Transactions.class, org.signalbench.app.Settings.class,
                    org.signalbench.ui.main.MainViewModel.class,
                    org.signalbench.models.RunStore.class, org.signalbench.agreement.Coefficients.class);

    @Test
    void aStoreClassReachingUpIntoLogicBreaksTheLayers() {
        String report = report(ArchitectureRules.LAYERS.evaluate(FIXTURES));
        assertTrue(report.contains(ReachesUpRepository.class.getName()) && report.contains("RunStore"), report);
        assertTrue(report.contains("Coefficients"), report);
        assertFalse(ArchitectureRules.LAYERS.evaluate(CLEAN).hasViolation());
    }

    @Test
    void sqlOutsideTheStoreIsRejected() {
        String report = report(ArchitectureRules.ONLY_THE_STORE_SPEAKS_SQL.evaluate(FIXTURES));
        assertTrue(report.contains(SqlInAView.class.getName()) && report.contains("java.sql.Connection"), report);
        // Only a catch clause names java.sql here: ArchUnit counts caught types as dependencies since 1.5.
        assertTrue(report.contains(CatchesSqlInAView.class.getName()) && report.contains("java.sql.SQLException"), report);
        assertFalse(ArchitectureRules.ONLY_THE_STORE_SPEAKS_SQL.evaluate(CLEAN).hasViolation());
    }

    @Test
    void aViewReachingPastTheAppLayerIsRejected() {
        String report = report(ArchitectureRules.THE_UI_GOES_THROUGH_APP.evaluate(FIXTURES));
        assertTrue(report.contains(StoreInAView.class.getName()) && report.contains("Labels"), report);
        assertTrue(report.contains("openSession"), report);
        assertFalse(ArchitectureRules.THE_UI_GOES_THROUGH_APP.evaluate(CLEAN).hasViolation());
    }

    @Test
    void aClassOutsideEveryLayerIsRejected() {
        String report = report(ArchitectureRules.EVERY_CLASS_IN_A_LAYER.evaluate(FIXTURES));
        assertTrue(report.contains(Homeless.class.getName()), report);
        assertFalse(report.contains(SqlInAView.class.getName()), "the view fixture is in the UI layer: " + report);
        assertFalse(ArchitectureRules.EVERY_CLASS_IN_A_LAYER.evaluate(CLEAN).hasViolation());
    }

    private static String report(EvaluationResult result) {
        assertTrue(result.hasViolation(), "the rule must reject its fixture");
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
