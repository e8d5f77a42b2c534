package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.store.Workbench;
import org.signalbench.testing.CliRun;

class CvCommandTest {
    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void workbench() throws Exception {
        db = ModelFixtures.filledDatabase(dir, 160, 3);
    }

    @Test
    void jsonHasOneRowPerVariantAndModelWithFractions() throws Exception {
        Path out = dir.resolve("cv.json");
        CliRun run = CliRun.of("cv", "--db", db, "--models", "dt,svm", "--variants", "with-hashtags,no-hashtags",
                "--folds", "4", "--seed", "9", "--json", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(run.out(), Files.readString(out), "--out holds what was printed");
        assertTrue(json.get("runId").asText().length() > 10);
        List<String> cells = new ArrayList<>();
        for (JsonNode row : json.get("rows")) {
            cells.add(row.get("variant").asText() + "/" + row.get("model").asText());
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("variant", "model", "precision", "recall", "f1", "auc", "aucPooled", "f1Sd"), keys);
            for (String measure : List.of("precision", "recall", "f1", "auc", "aucPooled", "f1Sd")) {
                double x = row.get(measure).asDouble();
                assertTrue(x >= 0 && x <= 1, measure + " = " + x);
            }
        }
        assertEquals(List.of("with-hashtags/dt", "with-hashtags/svm", "no-hashtags/dt", "no-hashtags/svm"), cells);
        assertTrue(run.err().contains("fold 4/4"), "progress per fold on stderr");

        // LIBSVM writes to System.out directly, which in the jar is where the results go
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
        CliRun text;
        try {
            System.setOut(new java.io.PrintStream(stray, true, java.nio.charset.StandardCharsets.UTF_8));
            text = CliRun.of("cv", "--db", db, "--models", "svm,libsvm", "--variants", "hashtags-only", "--folds", "3");
        } finally {
            System.setOut(stdout);
        }
        assertEquals("", stray.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing but the results on standard output");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("hashtags-only  AUC pooled"), text.out());
        assertTrue(text.out().contains("svm vs libsvm: t = "), text.out());
    }

    @Test
    void lstmRunsWithItsPresetAndJsonComparesEveryTwoModels() throws Exception {
        List<String> args = new ArrayList<>(List.of("cv", "--db", db, "--models", "svm,lstm", "--variants", "hashtags-only",
                "--folds", "3", "--preset", "paper", "--json"));
        LstmCrossValidationTest.TINY.forEach((name, value) -> args.addAll(List.of("--param", "lstm." + name + "=" + value)));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("[1/6] fold 1/3: lstm on hashtags-only, epoch 2: training loss"), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> cells = new ArrayList<>();
        json.get("rows").forEach(r -> cells.add(r.get("variant").asText() + "/" + r.get("model").asText()));
        assertEquals(List.of("hashtags-only/svm", "hashtags-only/lstm"), cells);
        assertEquals(1, json.get("comparisons").size());
        JsonNode c = json.get("comparisons").get(0);
        List<String> keys = new ArrayList<>();
        c.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("variant", "modelA", "modelB", "t", "tP", "chi2", "chi2P"), keys);
        assertEquals("svm", c.get("modelA").asText());
        assertEquals("lstm", c.get("modelB").asText());
        for (String p : List.of("tP", "chi2P")) {
            assertTrue(c.get(p).isNull() || c.get(p).asDouble() >= 0 && c.get(p).asDouble() <= 1, p + " = " + c.get(p));
        }
        try (Workbench wb = Workbench.open(Path.of(db))) {
            RunStore.Run stored = new RunStore(org.signalbench.store.Session.over(wb.connection())).run(json.get("runId").asText()).orElseThrow();
            assertEquals("paper", stored.hyperparameters().get("lstm").get("preset"), "the preset is stored with the run");
            assertEquals(4, stored.hyperparameters().get("lstm").get("lstmSize"), "overrides win over the preset");
        }
    }

    @Test
    void resumeFinishesACancelledRun() throws Exception {
        String runId;
        try (Workbench wb = Workbench.open(Path.of(db))) {
            LabeledCorpus corpus = LabeledCorpus.load(org.signalbench.store.Session.over(wb.connection()), org.signalbench.preprocess.Preprocessor.withDefaultStopWords());
            CrossValidation cv = new CrossValidation(org.signalbench.store.Session.over(wb.connection()), corpus);
            java.util.concurrent.atomic.AtomicInteger units = new java.util.concurrent.atomic.AtomicInteger();
            org.signalbench.jobs.JobContext cancelAfterTwo = new org.signalbench.jobs.JobContext() {
                @Override
                public void progress(long done, long total, String message) {
                    units.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return units.get() >= 2;
                }
            };
            CvConfig config = new CvConfig(List.of(org.signalbench.preprocess.Variant.NO_HASHTAGS), List.of("svm"),
                    java.util.Map.of(), 3, 4, Folds.Scheme.STRATIFIED);
            org.junit.jupiter.api.Assertions.assertThrows(org.signalbench.jobs.CancelledException.class, () -> cv.start(config, cancelAfterTwo));
            RunStore store = new RunStore(org.signalbench.store.Session.over(wb.connection()));
            runId = store.runs().stream().filter(id -> store.run(id).orElseThrow().status() == RunStatus.CANCELLED)
                    .findFirst().orElseThrow();
        }
        CliRun overridden = CliRun.of("cv", "--db", db, "--resume", runId, "--preset", "paper", "--param", "svm.cost=2");
        assertEquals(2, overridden.exit(), overridden.err());
        assertTrue(overridden.err().contains("with the settings it was started with; drop --param, --preset"),
                overridden.err());
        CliRun resumed = CliRun.of("cv", "--db", db, "--resume", runId, "--json");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("[2/3] fold 3/3"), "starts at the third fold: " + resumed.err());
        assertTrue(!resumed.err().contains("fold 1/3"), resumed.err());
        JsonNode json = new ObjectMapper().readTree(resumed.out());
        assertEquals(runId, json.get("runId").asText());
        assertEquals(1, json.get("rows").size());
    }

    @Test
    void badRequestsAreUsageErrors() {
        assertFails(2, "--preset: unknown LSTM preset 'desktop'", "--models", "lstm", "--preset", "desktop");
        assertFails(2, "lstm.lstmSize: 'big' is not a whole number", "--models", "lstm", "--param", "lstm.lstmSize=big");
        assertFails(2, "model 'lstm' has no hyperparameter [trees]", "--models", "lstm", "--param", "lstm.trees=5");
        assertFails(2, "unknown variant 'captions'", "--variants", "captions");
        assertFails(2, "svm.cost: 'lots' is not a number", "--models", "svm", "--param", "svm.cost=lots");
        assertFails(1, "folds need at least 200 of each", "--models", "svm", "--folds", "200");
        CliRun missing = CliRun.of("cv", "--db", dir.resolve("nothing.sqlite").toString());
        assertEquals(1, missing.exit());
    }

    private static void assertFails(int exit, String message, String... args) {
        List<String> all = new ArrayList<>(List.of("cv", "--db", db));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(exit, run.exit(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }
}
