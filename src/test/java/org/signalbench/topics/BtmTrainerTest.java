package org.signalbench.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/** The BTM sampler: planted themes, repeatability, the conditional, biterms, sum_b inference, checkpoints. */
class BtmTrainerTest {
    private static final PlantedCorpus PLANTED = PlantedCorpus.of(4, 10, 240, 7);

    @Test
    void recoversPlantedThemes() {
        TopicModelResult result = new BtmTrainer().fit(PLANTED.corpus(), TopicParams.of(4, 100), 1, JobContext.NONE);
        TopicMeasures.Purity purity = TopicMeasures.purity(result.topTopics(), PLANTED.themes());
        assertTrue(purity.micro() >= 0.9, "purity " + purity);
        assertTrue(purity.macro() >= 0.9, "purity " + purity);
        // Each topic's top words come from one theme.
        for (TopicModelResult.Topic topic : result.topics()) {
            String theme = topic.words().get(0).word().substring(0, 2);
            for (TopicModelResult.WordProbability wp : topic.words().subList(0, 5)) {
                assertTrue(wp.word().startsWith(theme), topic.toString());
            }
        }
        assertEquals(240, result.documents().size());
        assertEquals(240, result.topics().stream().mapToInt(TopicModelResult.Topic::size).sum());
        assertEquals(3, result.documents().get(0).top().size());
        assertEquals(PLANTED.corpus().hash(), result.provenance().corpusHash());
        assertEquals(12.5, (Double) result.provenance().hyperparameters().get("alpha"), 1e-12);
        assertEquals(0.01, (Double) result.provenance().hyperparameters().get("beta"), 1e-12);
    }

    @Test
    void sameSeedGivesIdenticalCountsAndAnotherSeedDoesNot() {
        TopicCorpus corpus = PLANTED.corpus();
        int[][] first = sampleCounts(corpus, TopicParams.of(5, 20), 42);
        int[][] again = sampleCounts(corpus, TopicParams.of(5, 20), 42);
        int[][] other = sampleCounts(corpus, TopicParams.of(5, 20), 43);
        assertArrayEquals(first[0], again[0]);
        assertArrayEquals(first[1], again[1]);
        assertFalse(java.util.Arrays.equals(first[0], other[0]));
    }

    @Test
    void twoPartitionsAreRepeatableAndKeepCountsConsistent() {
        TopicCorpus corpus = PLANTED.corpus();
        TopicParams params = TopicParams.of(4, 30).withThreads(2);
        int[][] a = sampleCounts(corpus, params, 9);
        int[][] b = sampleCounts(corpus, params, 9);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        // The merged counts equal the counts rebuilt from the topic assignments.
        Biterms biterms = Biterms.of(corpus, 15);
        int[] rebuilt = new int[corpus.vocabularySize() * 4];
        for (int i = 0; i < biterms.size(); i++) {
            rebuilt[biterms.first[i] * 4 + a[0][i]]++;
            rebuilt[biterms.second[i] * 4 + a[0][i]]++;
        }
        assertArrayEquals(rebuilt, a[1]);
        TopicModelResult result = new BtmTrainer().fit(corpus, TopicParams.of(4, 100).withThreads(2), 3, JobContext.NONE);
        assertTrue(TopicMeasures.purity(result.topTopics(), PLANTED.themes()).micro() >= 0.9);
    }

    /** Topic assignments and word-topic counts after the params' sweeps. */
    private static int[][] sampleCounts(TopicCorpus corpus, TopicParams params, long seed) {
        Biterms biterms = Biterms.of(corpus, 15);
        BtmSampler sampler = BtmTrainer.sampler(corpus, biterms, params, seed);
        ExecutorService pool = params.threads() > 1 ? Executors.newFixedThreadPool(params.threads() - 1) : null;
        try {
            for (int i = 0; i < params.iterations(); i++) {
                sampler.sweep(pool);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new int[][] {sampler.topicAssignments(), sampler.wordTopicCounts()};
    }

    @Test
    void gibbsConditionalMatchesTheFormula() {
        for (boolean background : new boolean[] {false, true}) {
            TopicCorpus corpus = PLANTED.corpus();
            TopicParams params = TopicParams.of(6, 3).withOption("alpha", 0.7).withOption("beta", 0.05)
                    .withOption("background", background ? 1 : 0);
            Biterms biterms = Biterms.of(corpus, 15);
            BtmSampler sampler = BtmTrainer.sampler(corpus, biterms, params, 5);
            for (int i = 0; i < 3; i++) {
                sampler.sweep(null);
            }
            int[] z = sampler.topicAssignments();
            int k = 6;
            int w = corpus.vocabularySize();
            double[] freq = BtmTrainer.wordFrequencies(corpus);
            for (int b : new int[] {0, 17, 333, biterms.size() - 1}) {
                // Counts without biterm b, straight from the assignments.
                int[] nz = new int[k];
                int[][] nwz = new int[k][w];
                for (int i = 0; i < z.length; i++) {
                    if (i != b) {
                        nz[z[i]]++;
                        nwz[z[i]][biterms.first[i]]++;
                        nwz[z[i]][biterms.second[i]]++;
                    }
                }
                int w1 = biterms.first[b];
                int w2 = biterms.second[b];
                double[] direct = new double[k];
                double sum = 0;
                for (int t = 0; t < k; t++) {
                    double pz = (nz[t] + 0.7) / (z.length - 1 + k * 0.7);
                    double p1 = (nwz[t][w1] + 0.05) / (2 * nz[t] + w * 0.05);
                    double p2 = (nwz[t][w2] + 0.05) / (2 * nz[t] + 1 + w * 0.05);
                    if (background && t == 0) {
                        p1 = freq[w1];
                        p2 = freq[w2];
                    }
                    direct[t] = pz * p1 * p2;
                    sum += direct[t];
                }
                double[] sampled = sampler.conditional(b);
                for (int t = 0; t < k; t++) {
                    assertEquals(direct[t] / sum, sampled[t], 1e-12, "biterm " + b + " topic " + t + " background " + background);
                }
            }
        }
    }

    @Test
    void bitermsPairWordsWithinTheWindow() {
        TopicCorpus corpus = TopicCorpus.fromTokens(List.of(List.of("a", "b", "c", "d"), List.of("e"), List.of()));
        Biterms all = Biterms.of(corpus, 15);
        assertEquals(6, all.size());
        Biterms narrow = Biterms.of(corpus, 2); // neighbours only
        assertEquals(3, narrow.size());
        assertArrayEquals(new int[] {0, 1, 2}, narrow.first);
        assertArrayEquals(new int[] {1, 2, 3}, narrow.second);
        assertEquals(Biterms.count(corpus, 15), all.size());
    }

    @Test
    void sumBInferenceAveragesTheBitermPosteriors() {
        // Two topics, three words; p(z) = (0.25, 0.75).
        double[] phiWordMajor = {0.5, 0.1, 0.3, 0.2, 0.2, 0.7};
        BtmModel model = new BtmModel(2, 3, 15, new double[] {0.25, 0.75}, phiWordMajor);
        double[] p = model.infer(new int[] {0, 1, 2});
        // Biterms (0,1), (0,2), (1,2): p(z|b) proportional to p(z) p(w1|z) p(w2|z).
        double[][] b = {{0.25 * 0.5 * 0.3, 0.75 * 0.1 * 0.2}, {0.25 * 0.5 * 0.2, 0.75 * 0.1 * 0.7},
                {0.25 * 0.3 * 0.2, 0.75 * 0.2 * 0.7}};
        double z0 = 0;
        for (double[] pair : b) {
            z0 += pair[0] / (pair[0] + pair[1]);
        }
        assertEquals(z0 / 3, p[0], 1e-12);
        assertEquals(1 - z0 / 3, p[1], 1e-12);
        double[] single = model.infer(new int[] {2});
        assertEquals(0.25 * 0.2 / (0.25 * 0.2 + 0.75 * 0.7), single[0], 1e-12);
        assertArrayEquals(new double[] {0.25, 0.75}, model.infer(new int[0]), 1e-12);
    }

    @Test
    void checkpointAndResumeGiveTheUninterruptedState(@TempDir Path dir) throws Exception {
        TopicCorpus corpus = PLANTED.corpus();
        TopicParams params = TopicParams.of(5, 30);
        TopicModelResult straight = new BtmTrainer().fit(corpus, params, 11, JobContext.NONE);

        Path file = dir.resolve("run.ckpt");
        TopicParams checkpointed = params.withCheckpoint(new TopicParams.Checkpointing(file, 4));
        AtomicInteger reports = new AtomicInteger();
        JobContext cancelAfterEleven = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                reports.set((int) done);
            }

            @Override
            public boolean isCancelled() {
                return reports.get() >= 11;
            }
        };
        assertThrows(CancelledException.class, () -> new BtmTrainer().fit(corpus, checkpointed, 11, cancelAfterEleven));
        assertTrue(Files.exists(file));
        TopicModelResult resumed = new BtmTrainer().fit(corpus, checkpointed, 11, JobContext.NONE);
        assertEquals(11, resumed.provenance().hyperparameters().get("resumedFromIteration")); // saved on cancel
        assertEquals(30, resumed.provenance().hyperparameters().get("iterationsRun"));
        assertEquals(straight.documents(), resumed.documents());
        assertEquals(straight.topics(), resumed.topics());

        // A "crash" after the checkpoint of sweep 8: the saved state at 8 resumes to the same end.
        Biterms biterms = Biterms.of(corpus, 15);
        BtmSampler crashed = BtmTrainer.sampler(corpus, biterms, params, 11);
        for (int i = 0; i < 8; i++) {
            crashed.sweep(null);
        }
        Path crashFile = dir.resolve("crash.ckpt");
        String fingerprint = BtmTrainer.fingerprint(corpus, params, 11);
        crashed.save(crashFile, fingerprint);
        crashed.sweep(null); // work lost in the crash
        BtmSampler restored = BtmTrainer.sampler(corpus, biterms, params, 11);
        restored.load(crashFile, fingerprint);
        BtmSampler uninterrupted = BtmTrainer.sampler(corpus, biterms, params, 11);
        for (int i = 0; i < 30; i++) {
            uninterrupted.sweep(null);
        }
        while (restored.sweepsDone() < 30) {
            restored.sweep(null);
        }
        assertArrayEquals(uninterrupted.topicAssignments(), restored.topicAssignments());
        assertArrayEquals(uninterrupted.wordTopicCounts(), restored.wordTopicCounts());

        // Another run's checkpoint is refused with a message naming the file.
        BtmSampler otherSeed = BtmTrainer.sampler(corpus, biterms, params, 12);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> otherSeed.load(crashFile, BtmTrainer.fingerprint(corpus, params, 12)));
        assertTrue(e.getMessage().contains(crashFile.toString()), e.getMessage());
    }

    @Test
    void unknownOptionsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BtmTrainer().fit(
                PLANTED.corpus(), TopicParams.of(4, 1).withOption("gamma", 1), 1, JobContext.NONE));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    }
}
