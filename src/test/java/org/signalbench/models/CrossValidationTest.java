package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

class CrossValidationTest {
    private static final int POSTS = 240;
    @TempDir
    static Path dir;
    static Workbench workbench;
    static LabeledCorpus corpus;
    static int dealers;

    @BeforeAll
    static void corpus() throws Exception {
        workbench = TestWorkbenches.open(dir);
        dealers = ModelFixtures.fill(workbench.connection(), POSTS, 7);
        corpus = LabeledCorpus.load(org.signalbench.store.Session.over(workbench.connection()), new Preprocessor(Set.of("the", "a")));
    }

    private static CvConfig config(List<String> models, int folds, long seed) {
        return new CvConfig(List.of(Variant.WITH_HASHTAGS, Variant.HASHTAGS_ONLY), models, Map.of(), folds, seed, Folds.Scheme.STRATIFIED);
    }

    @Test
    void onlyFinalYesNoLabelsAreTrainedOn() {
        List<Example> all = corpus.examples(Variant.WITH_HASHTAGS);
        assertEquals(POSTS - 1, all.size(), "every post but the disputed one");
        assertEquals(dealers, all.stream().filter(Example::dealer).count());
        assertFalse(all.stream().anyMatch(e -> e.postId() == ModelFixtures.DISPUTED + 1), "post ids start at 1");
        assertTrue(corpus.examples(Variant.HASHTAGS_ONLY).stream().allMatch(e -> e.tokens().stream().allMatch(t -> t.startsWith("#"))));
    }

    @Test
    void sameSeedSameFoldsAndStratifiedByLabel() {
        List<Example> examples = corpus.examples(Variant.WITH_HASHTAGS);
        int[] first = Folds.assign(examples, 10, 42, Folds.Scheme.STRATIFIED);
        assertTrue(java.util.Arrays.equals(first, Folds.assign(examples, 10, 42, Folds.Scheme.STRATIFIED)));
        assertFalse(java.util.Arrays.equals(first, Folds.assign(examples, 10, 43, Folds.Scheme.STRATIFIED)));
        int[] size = new int[10];
        int[] dealerCount = new int[10];
        for (int i = 0; i < first.length; i++) {
            size[first[i]]++;
            dealerCount[first[i]] += examples.get(i).dealer() ? 1 : 0;
        }
        int minDealers = java.util.Arrays.stream(dealerCount).min().orElseThrow();
        int maxDealers = java.util.Arrays.stream(dealerCount).max().orElseThrow();
        assertTrue(maxDealers - minDealers <= 1, "dealers per fold " + java.util.Arrays.toString(dealerCount));
        assertTrue(java.util.Arrays.stream(size).max().orElseThrow() - java.util.Arrays.stream(size).min().orElseThrow() <= 2);
        int[] plain = Folds.assign(examples, 10, 42, Folds.Scheme.SHUFFLED);
        assertTrue(java.util.Arrays.equals(plain, Folds.assign(examples, 10, 42, Folds.Scheme.SHUFFLED)));
        assertFalse(java.util.Arrays.equals(first, plain));
    }

    @Test
    void storesEveryFoldAndEveryOutOfFoldPredictionAndRepeatsWithTheSameSeed() throws Exception {
        CrossValidation cv = new CrossValidation(org.signalbench.store.Session.over(workbench.connection()), corpus);
        RunStore store = new RunStore(org.signalbench.store.Session.over(workbench.connection()));
        AtomicInteger reports = new AtomicInteger();
        JobContext counting = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        String run = cv.start(config(List.of("dt", "svm"), 5, 11), counting);
        assertEquals(2 * 2 * 5 + 1, reports.get(), "one report per fold unit and one at the end");
        RunStore.Run header = store.run(run).orElseThrow();
        assertEquals(RunStatus.FINISHED, header.status());
        assertEquals(corpus.fingerprint(List.of(Variant.WITH_HASHTAGS, Variant.HASHTAGS_ONLY)), header.corpusFingerprint());
        assertEquals(1.0, ((Number) header.hyperparameters().get("svm").get("cost")).doubleValue());
        assertEquals("1", header.libraryVersions().get("signalbench-cart"), "dt: SignalBench's own CART (decision 0008)");
        for (Variant v : List.of(Variant.WITH_HASHTAGS, Variant.HASHTAGS_ONLY)) {
            for (String model : List.of("dt", "svm")) {
                List<RunStore.Prediction> predictions = store.predictions(run, v.key(), model);
                assertEquals(corpus.examples(v).size(), predictions.size());
                Set<Long> ids = new HashSet<>();
                predictions.forEach(p -> ids.add(p.postId()));
                assertEquals(corpus.examples(v).size(), ids.size(), "each text tested exactly once");
                List<FoldResult> folds = store.folds(run, v.key(), model);
                assertEquals(5, folds.size());
                int tested = folds.stream().mapToInt(FoldResult::testSize).sum();
                assertEquals(corpus.examples(v).size(), tested);
                folds.forEach(f -> assertEquals(corpus.examples(v).size(), f.trainSize() + f.testSize()));
            }
        }
        List<RunSummary.Row> rows = RunSummary.rows(store, run);
        assertEquals(4, rows.size());
        RunSummary.Row svm = rows.stream().filter(r -> r.model().equals("svm") && r.variant().equals("with-hashtags")).findFirst().orElseThrow();
        assertTrue(svm.aucPooled() > 0.8 && svm.f1() > 0.6, "the words separate the classes well: " + svm);
        assertTrue(svm.f1Sd() > 0, "folds differ");

        String again = cv.start(config(List.of("dt", "svm"), 5, 11), JobContext.NONE);
        assertNotEquals(run, again);
        assertEquals(rows, RunSummary.rows(store, again).stream().toList(), "same seed, same figures");
        assertEquals(store.predictions(run, "with-hashtags", "dt"), store.predictions(again, "with-hashtags", "dt"));

        RunSummary.Comparison c = RunSummary.compare(store, run, "with-hashtags", "dt", "svm");
        assertTrue(c.f1TTest().pValue() >= 0 && c.f1TTest().pValue() <= 1);
        assertTrue(c.mcNemar().pValue() >= 0 && c.mcNemar().pValue() <= 1);
    }

    @Test
    void aCancelledRunKeepsItsFinishedFoldsAndResumesFromTheNext() throws Exception {
        CrossValidation cv = new CrossValidation(org.signalbench.store.Session.over(workbench.connection()), corpus);
        RunStore store = new RunStore(org.signalbench.store.Session.over(workbench.connection()));
        AtomicInteger started = new AtomicInteger();
        JobContext cancelAfterThree = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                started.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return started.get() >= 3;
            }
        };
        CvConfig config = config(List.of("svm"), 4, 5);
        assertThrows(CancelledException.class, () -> cv.start(config, cancelAfterThree));
        List<String> cancelled = new java.util.ArrayList<>();
        for (String id : store.runs()) {
            if (store.run(id).orElseThrow().status() == RunStatus.CANCELLED) {
                cancelled.add(id);
            }
        }
        assertEquals(1, cancelled.size(), "the run is kept, marked cancelled");
        String run = cancelled.get(0);
        assertEquals(3, store.finishedFolds(run).size());

        cv.resume(run, JobContext.NONE);
        assertEquals(RunStatus.FINISHED, store.run(run).orElseThrow().status());
        assertEquals(8, store.finishedFolds(run).size());
        String uninterrupted = cv.start(config, JobContext.NONE);
        assertEquals(RunSummary.rows(store, uninterrupted), RunSummary.rows(store, run), "resuming changes nothing");
        assertEquals(store.predictions(uninterrupted, "hashtags-only", "svm"), store.predictions(run, "hashtags-only", "svm"));
    }

    @Test
    void everyBaselineTrainsAndHyperparametersAreChecked() {
        List<Example> examples = corpus.examples(Variant.WITH_HASHTAGS);
        List<Example> training = examples.subList(0, 180);
        List<Example> test = examples.subList(180, examples.size());
        for (String id : List.of("dt", "rf", "svm", "libsvm")) {
            ModelTrainer trainer = ModelCatalog.trainer(id, id.equals("rf") ? Map.of("trees", "10") : Map.of());
            List<Scored> a = trainer.train(training, corpus.dictionarySize(), 3, JobContext.NONE).score(test);
            List<Scored> b = trainer.train(training, corpus.dictionarySize(), 3, JobContext.NONE).score(test);
            assertEquals(a, b, id + " is deterministic for a seed");
            if (id.endsWith("svm")) {
                assertTrue(a.stream().map(Scored::score).distinct().count() > test.size() / 2, id + " scores are decision values, not votes");
                a.forEach(s -> assertEquals(s.score() > 0, s.predictedDealer(), id + ": decision value and decision agree"));
            }
            boolean[] truth = new boolean[test.size()];
            double[] score = new double[test.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = test.get(i).dealer();
                score[i] = a.get(i).score();
            }
            // a single fully grown tree overfits this small noisy set; it must still beat chance clearly
            double floor = id.equals("dt") ? 0.6 : 0.75;
            assertTrue(BinaryMetrics.auc(truth, score) > floor, id + " ranks better than chance: " + BinaryMetrics.auc(truth, score));
        }
        assertEquals(10, ModelCatalog.trainer("rf", Map.of("trees", "10")).hyperparameters().get("trees"));
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.trainer("svm", Map.of("kost", "1")));
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.trainer("svm", Map.of("cost", "high")));
        assertEquals(List.of("dt", "rf", "svm", "libsvm", "lstm"), ModelCatalog.available());
        assertEquals("lstm", ModelCatalog.trainer("lstm", Map.of()).id());
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.trainer("lstm", Map.of("trees", "10")));
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.trainer("bert", Map.of()));
    }
}
