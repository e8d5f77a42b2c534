package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/** The LSTM inside the cross-validation, at tiny sizes (a few seconds per test). */
class LstmCrossValidationTest {
    /**
     * Tiny network, two epochs at a high learning rate: enough to rank the fixture's posts, fast
     * enough for the suite. Dropout stays at the preset's 0.2, so determinism covers its draws.
     */
    static final Map<String, String> TINY = Map.of("embeddingSize", "4", "lstmSize", "4", "blockDenseSize", "4",
            "mergedDenseSize", "4", "textWindow", "12", "hashtagWindow", "5", "batchSize", "16", "maxEpochs", "2",
            "learningRate", "0.05");
    @TempDir
    static Path dir;
    static Workbench workbench;
    static LabeledCorpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        workbench = TestWorkbenches.open(dir);
        ModelFixtures.fill(workbench.connection(), 150, 17);
        corpus = LabeledCorpus.load(org.signalbench.store.Session.over(workbench.connection()), new Preprocessor(Set.of("the", "a")));
    }

    private static CvConfig config(List<Variant> variants, List<String> models, int folds) {
        return new CvConfig(variants, models, Map.of("lstm", TINY), folds, 21, Folds.Scheme.STRATIFIED);
    }

    /** Records what a run tells its listener and its job context. */
    private static final class Recorder implements CvListener, JobContext {
        final List<String> units = new ArrayList<>();
        final List<String> epochs = new ArrayList<>();
        final List<Long> done = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void unitStarted(String variant, String model, int fold) {
            units.add("start " + variant + "/" + model + "/" + fold);
        }

        @Override
        public void epoch(String variant, String model, int fold, TrainingEpoch epoch) {
            epochs.add(variant + "/" + model + "/" + fold + "/" + epoch.epoch());
            assertTrue(epoch.trainLoss() > 0 && epoch.validationLoss() > 0, "losses of a held-out part: " + epoch);
        }

        @Override
        public void unitFinished(FoldResult result) {
            units.add("end " + result.variant() + "/" + result.model() + "/" + result.fold());
        }

        @Override
        public void progress(long d, long total, String message) {
            done.add(d);
            messages.add(message);
            assertEquals(0, total % CrossValidation.STEPS_PER_UNIT, "the total counts whole units");
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    @Test
    void everyCellOnEveryVariantWithUnitAndEpochEventsAndTheSameScoresTwice() throws Exception {
        List<Variant> variants = List.of(Variant.values());
        CrossValidation cv = new CrossValidation(org.signalbench.store.Session.over(workbench.connection()), corpus);
        Recorder recorder = new Recorder();
        String run = cv.listener(recorder).start(config(variants, List.of("svm", "lstm"), 3), recorder);
        RunStore store = new RunStore(org.signalbench.store.Session.over(workbench.connection()));

        List<RunSummary.Row> rows = RunSummary.rows(store, run);
        assertEquals(6, rows.size(), "3 variants x 2 models");
        for (Variant v : variants) {
            List<RunStore.Prediction> lstm = store.predictions(run, v.key(), "lstm");
            assertEquals(corpus.examples(v).size(), lstm.size(), v + ": every text scored once");
            lstm.forEach(p -> {
                assertTrue(p.score() > 0 && p.score() < 1, "a probability: " + p);
                assertEquals(p.score() > 0.5, p.predicted(), "dealer when p > 0.5: " + p);
            });
        }
        RunSummary.Row withHashtags = rows.stream().filter(r -> r.model().equals("lstm") && r.variant().equals("with-hashtags"))
                .findFirst().orElseThrow();
        assertTrue(withHashtags.auc() > 0.7, "the tiny LSTM ranks by the fixture's selling words: " + withHashtags);

        RunStore.Run header = store.run(run).orElseThrow();
        assertEquals("laptop", header.hyperparameters().get("lstm").get("preset"));
        assertEquals(4, header.hyperparameters().get("lstm").get("lstmSize"));
        assertTrue(header.libraryVersions().get("deeplearning4j").startsWith("1.0.0"), header.libraryVersions().toString());

        // listener: every unit started and finished in order; two epochs for each LSTM unit, none for svm
        assertEquals(2 * 3 * 3 * 2, recorder.units.size());
        assertEquals("start with-hashtags/svm/0", recorder.units.get(0));
        assertEquals("end with-hashtags/svm/0", recorder.units.get(1));
        assertEquals(3 * 3 * 2, recorder.epochs.size());
        assertTrue(recorder.epochs.contains("no-hashtags/lstm/2/2"), recorder.epochs.toString());
        assertTrue(recorder.epochs.stream().noneMatch(e -> e.contains("/svm/")));
        // job context: the bar never moves back, the LSTM's epochs are named inside their unit
        for (int i = 1; i < recorder.done.size(); i++) {
            assertTrue(recorder.done.get(i) >= recorder.done.get(i - 1), "monotonic at " + i + ": " + recorder.done);
        }
        assertTrue(recorder.messages.contains("fold 2/3: lstm on hashtags-only, epoch 2"), recorder.messages.toString());
        assertTrue(recorder.messages.stream().anyMatch(m -> m.startsWith("fold 3/3: lstm on no-hashtags, epoch 1: training loss")));
        assertEquals(2 * 3 * 3 * CrossValidation.STEPS_PER_UNIT, recorder.done.get(recorder.done.size() - 1));

        // the text block (LSTM, dropout) is where nondeterminism could hide: run that variant again
        String again = new CrossValidation(org.signalbench.store.Session.over(workbench.connection()), corpus).start(
                config(List.of(Variant.NO_HASHTAGS), List.of("lstm"), 3), JobContext.NONE);
        assertEquals(store.predictions(run, "no-hashtags", "lstm"), store.predictions(again, "no-hashtags", "lstm"),
                "same seed, same LSTM scores");
    }

    @Test
    void aRunCancelledInsideAnLstmFoldResumesToTheFiguresOfAnUninterruptedRun() throws Exception {
        CvConfig config = config(List.of(Variant.NO_HASHTAGS), List.of("lstm"), 3);
        CrossValidation cv = new CrossValidation(org.signalbench.store.Session.over(workbench.connection()), corpus);
        RunStore store = new RunStore(org.signalbench.store.Session.over(workbench.connection()));
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> runs = new ArrayList<>();
        JobContext cancelInSecondFoldsSecondEpoch = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                if (message.startsWith("fold 2/3: lstm on no-hashtags, epoch 2")) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        List<String> before = store.runs();
        assertThrows(CancelledException.class, () -> cv.start(config, cancelInSecondFoldsSecondEpoch));
        store.runs().stream().filter(id -> !before.contains(id)).forEach(runs::add);
        assertEquals(1, runs.size());
        String run = runs.get(0);
        assertEquals(RunStatus.CANCELLED, store.run(run).orElseThrow().status());
        assertEquals(Set.of(RunStore.key("no-hashtags", "lstm", 0)), store.finishedFolds(run), "only the first fold is kept");

        cv.resume(run, JobContext.NONE);
        assertEquals(RunStatus.FINISHED, store.run(run).orElseThrow().status());
        String uninterrupted = cv.start(config, JobContext.NONE);
        assertEquals(RunSummary.rows(store, uninterrupted), RunSummary.rows(store, run), "resuming changes nothing");
        assertEquals(store.predictions(uninterrupted, "no-hashtags", "lstm"), store.predictions(run, "no-hashtags", "lstm"));
    }
}
