package org.signalbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.labels.Codebook;
import org.signalbench.models.CvConfig;
import org.signalbench.models.CvListener;
import org.signalbench.models.FinalModels;
import org.signalbench.models.Folds;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.RunStore;
import org.signalbench.preprocess.PreprocessedCorpus;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;
import org.signalbench.ui.preprocessing.CorpusExplainer;

/** The preprocessed corpus is built once per workbench state and shared by cross-validation, final models and the explainer. */
class WorkbenchCorpusTest {
    @TempDir
    Path dir;

    private static Settings settings(String... stopWords) {
        return Settings.of(Codebook.load(), new Preprocessor(Set.of(stopWords)), org.signalbench.findings.Lexicons.load());
    }

    private static CvConfig config() {
        return new CvConfig(List.of(Variant.WITH_HASHTAGS), List.of("svm"), Map.of(), 3, 1, Folds.Scheme.STRATIFIED);
    }

    @Test
    void crossValidationTrainingScoringAndTheExplainerShareOneBuildUntilAnImportOrOtherSettings() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ModelFixtures.fill(wb.connection(), 60, 3);
            Services services = Services.of(settings("the", "a"), dir.resolve("models"));
            WorkbenchCorpus corpus = services.corpus();

            String first = services.crossValidation().start(wb, config(), JobContext.NONE, CvListener.NONE);
            services.crossValidation().start(wb, config(), JobContext.NONE, CvListener.NONE);
            FinalModels.FinalModel model = services.finalModels().train(wb,
                    org.signalbench.models.ModelCatalog.trainer("svm", Map.of()), Variant.WITH_HASHTAGS, 1, JobContext.NONE);
            services.finalModels().score(wb, model.id(), false, JobContext.NONE);
            CorpusExplainer.factory(corpus).build(wb, JobContext.NONE);
            assertEquals(1, corpus.builds(), "two cv runs, train, score and the explainer on one workbench state");

            try (Session session = wb.openSession()) {
                PreprocessedCorpus before = corpus.preprocessed(wb, session);
                assertSame(before, corpus.preprocessed(wb, session));
                TestWorkbenches.insertPost(wb.connection(), "instagram", "NEW1", "someone", "fresh post #new");
                PreprocessedCorpus after = corpus.preprocessed(wb, session);
                assertEquals(2, corpus.builds(), "a new post is a new workbench state");
                assertEquals(before.posts() + 1, after.posts());

                corpus.useSettings(settings("the", "a"));
                corpus.preprocessed(wb, session);
                assertEquals(2, corpus.builds(), "equal settings shape the corpus alike");
                corpus.useSettings(settings("the", "a", "fresh"));
                corpus.preprocessed(wb, session);
                assertEquals(3, corpus.builds(), "other stop words are other settings");
                corpus.invalidate();
                corpus.preprocessed(wb, session);
                assertEquals(4, corpus.builds(), "an import invalidates it");
            }
            assertEquals(org.signalbench.models.RunStatus.FINISHED, new RunStore(org.signalbench.store.Session.over(wb.connection())).run(first).orElseThrow().status());
        }
    }

    @Test
    void runsAndFinalModelsRecordTheAppVersionAndTheSettingsHashes() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ModelFixtures.fill(wb.connection(), 60, 5);
            Settings settings = settings("the");
            Services services = Services.of(settings, dir.resolve("models"));
            String runId = services.crossValidation().start(wb, config(), JobContext.NONE, CvListener.NONE);
            Map<String, String> stored = new RunStore(org.signalbench.store.Session.over(wb.connection())).run(runId).orElseThrow().libraryVersions();
            assertEquals(AppVersion.current(), stored.get(Settings.APP_VERSION));
            assertEquals(settings.hashes().get("codebook"), stored.get("settings.codebook"));
            assertEquals(settings.hashes().get("stopWords"), stored.get("settings.stopWords"));
            assertEquals(64, stored.get("settings.stopWords").length(), "a SHA-256 in hex");
            // The lexicons joined the settings (issue 9): their hash is recorded like the others.
            assertEquals(settings.hashes().get("lexicons"), stored.get("settings.lexicons"));
            assertEquals(64, stored.get("settings.lexicons").length(), "a SHA-256 in hex");

            FinalModels.FinalModel model = services.finalModels().train(wb,
                    org.signalbench.models.ModelCatalog.trainer("svm", Map.of()), Variant.WITH_HASHTAGS, 1, JobContext.NONE);
            Map<String, String> recorded = new FinalModels(org.signalbench.store.Session.over(wb.connection()), new Preprocessor(Set.of()), dir.resolve("models"))
                    .find(model.id()).orElseThrow().libraryVersions();
            assertEquals(settings.provenance(), Map.of(
                    Settings.APP_VERSION, recorded.get(Settings.APP_VERSION),
                    "settings.codebook", recorded.get("settings.codebook"),
                    "settings.stopWords", recorded.get("settings.stopWords"),
                    "settings.lexicons", recorded.get("settings.lexicons")));
            assertNotEquals(settings.hashes().get("stopWords"), settings("the", "a").hashes().get("stopWords"));
            assertEquals(settings.hashes().get("lexicons"), settings("the", "a").hashes().get("lexicons"), "a stable hash");
            org.signalbench.findings.Lexicons lexicons = settings.lexicons();
            Settings fewerDrugs = Settings.of(settings.codebook(), settings.preprocessor(), lexicons.withDrugHashtags(
                    new org.signalbench.findings.DrugLexicon(lexicons.drugHashtags().groups().subList(0, 1))));
            assertNotEquals(settings.hashes().get("lexicons"), fewerDrugs.hashes().get("lexicons"));
        }
    }
}
