package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.app.CrossValidationService;
import org.signalbench.app.Settings;
import org.signalbench.app.WorkbenchCorpus;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.CvConfig;
import org.signalbench.models.CvListener;
import org.signalbench.models.Folds;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.RunStore;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;
import org.signalbench.testing.TestWorkbenches;

/** The short run id the Models view shows (runs list, run title, compare box) is accepted by {@code runs export}. */
class ShortRunIdTest {
    @TempDir
    Path dir;

    @Test
    void theIdTheViewShowsExportsTheRun() throws Exception {
        String db;
        String shown;
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ModelFixtures.fill(wb.connection(), 60, 5);
            String id = new CrossValidationService(new WorkbenchCorpus(Settings.load())).start(wb,
                    new CvConfig(List.of(Variant.WITH_HASHTAGS), List.of("dt"), Map.of(), 2, 1, Folds.Scheme.STRATIFIED),
                    JobContext.NONE, CvListener.NONE);
            shown = ModelsViewModel.shortId(id);
            RunStore.Run run = new RunStore(org.signalbench.store.Session.over(wb.connection())).run(id).orElseThrow();
            assertTrue(ModelsViewModel.describe(run).endsWith(" · " + shown), ModelsViewModel.describe(run));
            assertTrue(shown.length() < id.length(), "the view shortens the id: " + shown + " of " + id);
            db = wb.file().toString();
        }
        CliRun byShortId = CliRun.of("runs", "export", "--db", db, shown, "--format", "csv");
        assertEquals(0, byShortId.exit(), byShortId.err());
        assertTrue(byShortId.out().startsWith("variant,model,folds,"), byShortId.out());
        assertTrue(byShortId.out().contains("with-hashtags,dt,2,"), byShortId.out());
    }
}
