package org.signalbench.models.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.BinaryMetrics;
import org.signalbench.models.Example;
import org.signalbench.models.LabeledCorpus;
import org.signalbench.models.ModelCatalog;
import org.signalbench.models.ModelFixtures;
import org.signalbench.models.Scored;
import org.signalbench.models.TfIdf;
import org.signalbench.preprocess.Preprocessor;
import org.signalbench.preprocess.Variant;
import org.signalbench.store.Workbench;
import org.signalbench.testing.TestWorkbenches;

/** The sparse dt, rf and svm baselines: the same TF-IDF rows as the export, ids, forest threads. */
class SparseBaselineTest {
    @TempDir
    static Path dir;
    static List<Example> examples;
    static int dictionarySize;

    @BeforeAll
    static void corpus() throws Exception {
        try (Workbench wb = TestWorkbenches.open(dir)) {
            ModelFixtures.fill(wb.connection(), 200, 9);
            LabeledCorpus corpus = LabeledCorpus.load(org.signalbench.store.Session.over(wb.connection()), Preprocessor.withDefaultStopWords());
            dictionarySize = corpus.dictionarySize();
            examples = corpus.examples(Variant.WITH_HASHTAGS);
        }
    }

    private static void assertSameRows(SparseRows expected, SparseRows actual) {
        assertArrayEquals(expected.rowStart(), actual.rowStart());
        assertArrayEquals(expected.columns(), actual.columns());
        assertArrayEquals(expected.values(), actual.values(), 0.0, "the very same doubles");
        assertEquals(expected.features(), actual.features());
    }

    @Test
    void trainingMatrixByIndicesEqualsTheTfIdfOfWordsBitForBit() {
        for (int minDf : new int[] {1, 2, 5}) {
            TfIdf byWords = TfIdf.fit(examples, minDf);
            TrainingMatrix byIndices = TrainingMatrix.fit(examples, minDf);
            assertEquals(byWords.idfWeights(), byIndices.tfIdf().idfWeights(), "minDf " + minDf);
            assertSameRows(SparseRows.of(byWords, examples), byIndices.rows());
            assertTrue(byIndices.rows().columns().length > examples.size(), "rows have words");
        }
        // the rows equal what the scikit-learn export writes: TfIdf.transform, column by column
        TfIdf tfIdf = TfIdf.fit(examples, 2);
        SparseRows rows = SparseRows.of(tfIdf, examples);
        for (int r = 0; r < examples.size(); r++) {
            TfIdf.Vector v = tfIdf.transform(examples.get(r));
            assertEquals(v.names().length, rows.length(r));
            for (int i = 0; i < v.names().length; i++) {
                assertEquals(tfIdf.column(v.names()[i]), rows.columns()[rows.rowStart()[r] + i]);
                assertEquals(v.values()[i], rows.values()[rows.rowStart()[r] + i], 0.0);
            }
        }
    }

    @Test
    void foldAfterFoldTheRememberedWordOrderAndTheIndexLookupGiveTheRowsOfTheWords() {
        for (int fold = 0; fold < 3; fold++) {
            List<Example> training = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % 3 == fold ? test : training).add(examples.get(i));
            }
            TrainingMatrix m = TrainingMatrix.fit(training, 1);
            TfIdf byWords = TfIdf.fit(training, 1);
            assertEquals(byWords.idfWeights(), m.tfIdf().idfWeights(), "fold " + fold);
            assertSameRows(SparseRows.of(byWords, training), m.rows());
            assertSameRows(SparseRows.of(byWords, test), SparseRows.of(m.tfIdf(), test)); // test words by index
            // texts of another dictionary (every index moved) are looked up by their words
            List<Example> moved = test.stream().map(e -> new Example(e.postId(), e.tokens(),
                    java.util.Arrays.stream(e.indices()).map(x -> x + 7).toArray(), e.dealer())).toList();
            assertSameRows(SparseRows.of(byWords, moved), SparseRows.of(m.tfIdf(), moved));
        }
        // another dictionary in the same process: its indices name other words, the order starts afresh
        List<Example> other = List.of(new Example(1, List.of("zebra", "apple"), new int[] {1, 2}, true),
                new Example(2, List.of("apple", "mango"), new int[] {2, 3}, false));
        TrainingMatrix m = TrainingMatrix.fit(other, 1);
        assertEquals(List.of("apple", "mango", "zebra"), m.tfIdf().vocabulary());
        assertSameRows(SparseRows.of(TfIdf.fit(other, 1), other), m.rows());
        assertSameRows(SparseRows.of(TfIdf.fit(examples, 1), examples), TrainingMatrix.fit(examples, 1).rows());
    }

    @Test
    void indicesThatDoNotNameWordsOneToOneFallBackToTheWords() {
        List<Example> clashing = List.of(new Example(1, List.of("plug", "menu"), new int[] {1, 2}, true),
                new Example(2, List.of("beach", "menu"), new int[] {1, 2}, false), // index 1 is plug and beach
                new Example(3, List.of("plug", "plug"), new int[] {1, 3}, true)); // plug under two indices
        TrainingMatrix m = TrainingMatrix.fit(clashing, 1);
        TfIdf expected = TfIdf.fit(clashing, 1);
        assertEquals(expected.idfWeights(), m.tfIdf().idfWeights());
        assertSameRows(SparseRows.of(expected, clashing), m.rows());
    }

    @Test
    void dtRfSvmAreTheSparseLearnersAndTribuoStaysUnderItsOwnIds() {
        for (String id : List.of("dt", "rf", "svm")) {
            assertInstanceOf(SparseBaseline.class, ModelCatalog.trainer(id, Map.of()));
            assertInstanceOf(TribuoBaseline.class, ModelCatalog.trainer("tribuo-" + id, Map.of()));
            assertEquals(ModelCatalog.defaults(id), ModelCatalog.defaults("tribuo-" + id), id + ": same hyperparameters");
        }
        assertInstanceOf(TribuoBaseline.class, ModelCatalog.trainer("libsvm", Map.of()));
        assertEquals(List.of("trees", "maxDepth", "minChildWeight", "featureFraction", "minDf"),
                List.copyOf(ModelCatalog.defaults("rf").keySet()), "documented order");
    }

    @Test
    void sparseLearnersSeparateTheFixtureAsWellAsTribuos() {
        List<Example> training = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (i % 3 == 0 ? test : training).add(examples.get(i));
        }
        List<Boolean> truth = test.stream().map(Example::dealer).toList();
        for (String id : List.of("dt", "rf", "svm")) {
            Map<String, String> params = id.equals("rf") ? Map.of("trees", "30") : Map.of();
            List<Scored> ours = ModelCatalog.trainer(id, params).train(training, dictionarySize, 4, JobContext.NONE).score(test);
            List<Scored> tribuo = ModelCatalog.trainer("tribuo-" + id, params).train(training, dictionarySize, 4, JobContext.NONE)
                    .score(test);
            double f1 = BinaryMetrics.of(ours, truth).f1();
            double tribuoF1 = BinaryMetrics.of(tribuo, truth).f1();
            assertTrue(f1 >= tribuoF1 - 0.05, id + ": F1 " + f1 + " against Tribuo's " + tribuoF1);
            assertTrue(f1 > 0.5, id + ": F1 " + f1);
        }
    }

    @Test
    void unsharedRandomDrawsWhatJavaUtilRandomDraws() {
        for (long seed : new long[] {0, 1, -7, 123456789L}) {
            java.util.Random expected = new java.util.Random(seed);
            LinearSvm.UnsharedRandom actual = new LinearSvm.UnsharedRandom(seed);
            for (int i = 0; i < 10_000; i++) {
                int bound = 1 + (i * 7919) % 20_000; // powers of two among them
                assertEquals(expected.nextInt(bound), actual.nextInt(bound), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void svmSolverGivesLiblinearsWeightsBitForBit() {
        for (int minDf : new int[] {1, 3}) {
            SparseRows x = TrainingMatrix.fit(examples, minDf).rows();
            boolean[] dealer = new boolean[examples.size()];
            for (int r = 0; r < dealer.length; r++) {
                dealer[r] = examples.get(r).dealer();
            }
            for (long seed : new long[] {1, 2}) {
                for (double cost : new double[] {1.0, 0.05}) {
                    LinearSvm ours = LinearSvm.solve(x, dealer, cost, 0.1, 1000, seed);
                    LinearSvm liblinear = LinearSvm.trainWithLiblinear(x, dealer, cost, 0.1, 1000, new java.util.Random(seed));
                    assertArrayEquals(liblinear.weights(), ours.weights(), 0.0, "minDf " + minDf + ", seed " + seed + ", C " + cost);
                    double[] d1 = new double[x.rows()];
                    double[] d2 = new double[x.rows()];
                    for (int r = 0; r < x.rows(); r++) {
                        d1[r] = ours.decision(x, r);
                        d2[r] = liblinear.decision(x, r);
                    }
                    assertArrayEquals(d2, d1, 0.0, "the intercept too");
                    assertTrue(java.util.Arrays.stream(ours.weights()).filter(w -> w != 0).count() > 10, "weights learnt");
                }
            }
        }
    }

    @Test
    void forestScoresDoNotDependOnTheThreads() {
        SparseBaseline rf = (SparseBaseline) ModelCatalog.trainer("rf", Map.of("trees", "12"));
        List<Scored> one = rf.withThreads(1).train(examples, dictionarySize, 3, JobContext.NONE).score(examples);
        List<Scored> four = rf.withThreads(4).train(examples, dictionarySize, 3, JobContext.NONE).score(examples);
        assertEquals(one, four);
        assertTrue(one.stream().map(Scored::score).distinct().count() > 2, "scores vary");
    }
}
