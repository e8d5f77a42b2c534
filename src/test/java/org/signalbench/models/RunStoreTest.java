package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.LinkedHashMap;
import org.signalbench.models.lstm.LstmConfig;
import org.signalbench.models.lstm.LstmModelTrainer;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.ProcessOwner;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/**
 * A run left 'running' by a process that is gone shows as stale and can be taken over; a resumed run
 * rebuilds its models with the settings it was stored with.
 */
class RunStoreTest {
    @TempDir
    Path dir;

    private static final CvConfig CONFIG = new CvConfig(List.of(Variant.NO_HASHTAGS), List.of("dt"), Map.of(), 2, 1,
            Folds.Scheme.STRATIFIED);

    private static ProcessOwner ownerOf(Process process) {
        return new ProcessOwner(process.pid(), ProcessOwner.current().host(),
                process.info().startInstant().orElse(null));
    }

    @Test
    void aRunWhoseProcessIsGoneIsStaleAndCanBeResumed() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            store.create("mine", CONFIG, "f", 10, Map.of(), Map.of());
            assertEquals(RunStatus.RUNNING, store.run("mine").orElseThrow().status(), "this process is alive");
            assertEquals(ProcessOwner.current(), store.owner("mine").orElseThrow());

            Process sleeper = new ProcessBuilder("sleep", "60").start();
            try {
                store.create("other", CONFIG, "f", 10, Map.of(), Map.of());
                store.setOwner("other", ownerOf(sleeper));
                assertEquals(RunStatus.RUNNING, store.run("other").orElseThrow().status(), "its process still runs");
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> store.setStatus("other", RunStatus.RUNNING, 0));
                assertTrue(refused.getMessage().contains("still running in process " + sleeper.pid()), refused.getMessage());
            } finally {
                sleeper.destroy();
                sleeper.waitFor();
            }
            assertEquals(RunStore.STALE, store.run("other").orElseThrow().status(), "its process was killed");
            assertTrue(store.all().stream().anyMatch(r -> r.id().equals("other") && r.status().equals(RunStore.STALE)));

            store.setStatus("other", RunStatus.RUNNING, 0); // resuming takes it over
            assertEquals(ProcessOwner.current(), store.owner("other").orElseThrow());
            assertEquals(RunStatus.RUNNING, store.run("other").orElseThrow().status());
            store.setStatus("other", RunStatus.FINISHED, 1.5);
            assertEquals(RunStatus.FINISHED, store.run("other").orElseThrow().status());
        }
    }

    @Test
    void runsFromBeforeOwnersWereRecordedAreStaleAndOtherHostsAreTrusted() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            store.create("legacy", CONFIG, "f", 10, Map.of(), Map.of());
            store.setOwner("legacy", null);
            assertEquals(RunStore.STALE, store.run("legacy").orElseThrow().status());

            store.create("remote", CONFIG, "f", 10, Map.of(), Map.of());
            store.setOwner("remote", new ProcessOwner(1, "another-host.example.com", null));
            assertEquals(RunStatus.RUNNING, store.run("remote").orElseThrow().status(), "cannot check a process elsewhere");

            store.create("cancelled", CONFIG, "f", 10, Map.of(), Map.of());
            store.setStatus("cancelled", RunStatus.CANCELLED, 2);
            store.setOwner("cancelled", null);
            assertEquals(RunStatus.CANCELLED, store.run("cancelled").orElseThrow().status(), "only running runs turn stale");
        }
    }

    @Test
    void aRunStoredBeforeASettingOrLearnerChangedResumesAsItStartedNotWithTodaysDefaults() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            CvConfig config = new CvConfig(List.of(Variant.NO_HASHTAGS), List.of("lstm", "dt"), Map.of(), 2, 1,
                    Folds.Scheme.STRATIFIED);

            // As the old laptop preset stored them: no minWordCount, no recurrentDropout (LSTM), no minDf (dt).
            Map<String, Object> oldLstm = new LinkedHashMap<>(LstmModelTrainer.create(Map.of()).hyperparameters());
            oldLstm.remove("minWordCount");
            oldLstm.remove("recurrentDropout");
            oldLstm.put("batchSize", 64);
            oldLstm.put("maxEpochs", 2);
            Map<String, Object> oldDt = new LinkedHashMap<>(ModelCatalog.defaults("dt"));
            oldDt.remove("minDf");
            store.create("old", config, "f", 10, Map.of("lstm", oldLstm, "dt", oldDt), Map.of("tribuo", "4.3.1"));

            RunStore.Run old = store.run("old").orElseThrow();
            LstmConfig resumed = ((LstmModelTrainer) old.config().trainer("lstm")).config();
            assertEquals(0, resumed.minWordCount(), "every word, as its first folds read them (laptop's default is 2)");
            assertEquals(0.0, resumed.recurrentDropout(), "no recurrent dropout, as its first folds had (laptop's default is 0.2)");
            assertEquals(64, resumed.batchSize(), "stored values stay as stored");
            assertEquals(2, resumed.maxEpochs());
            assertEquals(1, old.config().trainer("dt").hyperparameters().get("minDf"), "every word a feature (dt's default is 5)");
            assertTrue(!old.hyperparameters().get("lstm").containsKey("minWordCount"), "what is shown as stored was stored");
            ModelTrainer oldDtTrainer = old.trainer("dt");
            assertEquals("dt", oldDtTrainer.id());
            assertTrue(oldDtTrainer.libraryVersions().containsKey("tribuo"),
                    "a run stored before the sparse learners resumes dt on Tribuo's CART: " + oldDtTrainer.libraryVersions());
            assertEquals(1, oldDtTrainer.hyperparameters().get("minDf"));
            assertEquals(0, ((LstmModelTrainer) old.trainer("lstm")).config().minWordCount());

            // A new run stores every value in effect and resumes with exactly those.
            Map<String, Object> newLstm = LstmModelTrainer.create(Map.of()).hyperparameters();
            Map<String, Object> newDt = ModelCatalog.defaults("dt");
            assertEquals(2, newLstm.get("minWordCount"));
            Map<String, String> libraries = new java.util.HashMap<>(ModelCatalog.trainer("dt", Map.of()).libraryVersions());
            libraries.putAll(ModelCatalog.trainer("lstm", Map.of()).libraryVersions());
            store.create("new", config, "f", 10, Map.of("lstm", newLstm, "dt", newDt), libraries);
            RunStore.Run fresh = store.run("new").orElseThrow();
            assertEquals(2, fresh.hyperparameters().get("lstm").get("minWordCount"));
            LstmConfig freshConfig = ((LstmModelTrainer) fresh.config().trainer("lstm")).config();
            assertEquals(LstmConfig.laptop().minWordCount(), freshConfig.minWordCount());
            assertEquals(LstmConfig.laptop().recurrentDropout(), freshConfig.recurrentDropout());
            assertEquals(newLstm, fresh.config().trainer("lstm").hyperparameters(), "the stored settings rebuild the same trainer");
            assertEquals(5, fresh.config().trainer("dt").hyperparameters().get("minDf"));
            assertEquals(ModelCatalog.trainer("dt", Map.of()).libraryVersions(), fresh.trainer("dt").libraryVersions(),
                    "a run of the sparse learners resumes on them");
        }
    }
}
