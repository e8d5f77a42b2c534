package org.signalbench.topics;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.topics.TopicInferencer;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/**
 * Latent Dirichlet allocation by MALLET's {@link ParallelTopicModel} (collapsed Gibbs sampling with
 * SparseLDA). Options: {@code alpha} (per topic, default 50/K), {@code beta} (0.01). Hyperparameter
 * optimisation is off, so the priors stay as given, like BTM's. Iterations default to 1,000.
 *
 * <p>MALLET runs its sweeps in chunks of {@link #CHUNK} so that progress is reported and cancelling
 * takes effect between chunks; MALLET seeds its generator anew at the start of every chunk, so each
 * chunk gets its own seed derived from the run's. Held-out documents are inferred with MALLET's
 * {@link TopicInferencer} (100 sweeps, every 10th after a burn-in of 10 averaged).
 */
public final class LdaTrainer implements TopicModelTrainer {
    public static final String ID = "lda";
    public static final int DEFAULT_ITERATIONS = 1000;
    static final int CHUNK = 10;
    private static final Set<String> OPTIONS = Set.of("alpha", "beta");
    /**
     * MALLET logs every ten sweeps at INFO. Taken from the class itself, so MALLET's logger set-up has
     * run before the level is lowered; held here so the level is not lost with a collected logger.
     */
    private static final Logger MALLET_LOGGER = ParallelTopicModel.logger;

    static {
        MALLET_LOGGER.setLevel(Level.WARNING);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicModelResult fit(TopicCorpus corpus, TopicParams params, long seed, JobContext progress) {
        params.requireKnownOptions(ID, OPTIONS);
        long started = System.nanoTime();
        int k = params.k();
        int iterations = params.iterationsOr(DEFAULT_ITERATIONS);
        double alpha = params.option("alpha", 50.0 / k);
        double beta = params.option("beta", 0.01);
        Alphabet alphabet = new Alphabet(String.class);
        for (String word : corpus.vocabulary()) {
            alphabet.lookupIndex(word, true);
        }
        alphabet.stopGrowth();
        InstanceList instances = new InstanceList(alphabet, null);
        for (int d = 0; d < corpus.size(); d++) {
            instances.add(new Instance(new FeatureSequence(alphabet, corpus.document(d).clone()), null, "d" + d, null));
        }
        ParallelTopicModel lda = new ParallelTopicModel(k, alpha * k, beta);
        lda.setNumThreads(params.threads());
        lda.setTopicDisplay(0, 0);
        lda.setOptimizeInterval(0);
        lda.setRandomSeed(chunkSeed(seed, -1));
        lda.addInstances(instances);
        int done = 0;
        try {
            while (done < iterations) {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                int chunk = Math.min(CHUNK, iterations - done);
                lda.setRandomSeed(chunkSeed(seed, done));
                lda.setNumIterations(chunk);
                lda.estimate();
                done += chunk;
                progress.progress(done, iterations + 1L, "iteration " + done + " of " + iterations);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("MALLET failed: " + e.getMessage(), e);
        }
        TopicInferencer inferencer = lda.getInferencer();
        inferencer.setRandomSeed(chunkSeed(seed, Integer.MAX_VALUE));
        MalletLda model = new MalletLda(lda, inferencer, alphabet, corpus.vocabularySize());
        TopicModelResult result = TopicModelResult.of(ID, model, corpus, lda::getTopicProbabilities, null);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("k", k);
        h.put("iterations", iterations);
        h.put("alpha", alpha);
        h.put("beta", beta);
        h.put("optimizeInterval", 0);
        h.put("seedChunk", CHUNK);
        h.put("inference", "MALLET TopicInferencer 100 sweeps, thinning 10, burn-in 10");
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("mallet", "2.0.8");
        progress.progress(iterations + 1L, iterations + 1L, "done");
        return result.withProvenance(TopicProvenance.of(corpus, h, seed, params.threads(), versions,
                (System.nanoTime() - started) / 1e9));
    }

    /** MALLET takes an int seed; -1 means "no seed" to it, so derived seeds avoid it. */
    private static int chunkSeed(long seed, int chunk) {
        int s = (int) SplitMix64.derive(seed, 1000L + chunk);
        return s == -1 ? 1 : s;
    }

    /** p(w|z) from MALLET's counts and its inferencer for new documents. */
    private static final class MalletLda extends TopicWordTable {
        private final TopicInferencer inferencer;
        private final Alphabet alphabet;

        MalletLda(ParallelTopicModel lda, TopicInferencer inferencer, Alphabet alphabet, int w) {
            super(topicWords(lda, w));
            this.inferencer = inferencer;
            this.alphabet = alphabet;
        }

        /** MALLET's word counts per topic over {@code w} words, smoothed with its beta. */
        private static double[][] topicWords(ParallelTopicModel lda, int w) {
            double[][] counts = new double[lda.numTopics][w];
            int[][] typeTopicCounts = lda.getTypeTopicCounts();
            for (int type = 0; type < typeTopicCounts.length; type++) {
                // MALLET packs each (topic, count) into one int: count << topicBits | topic, zero-terminated.
                for (int packed : typeTopicCounts[type]) {
                    if (packed == 0) {
                        break;
                    }
                    counts[packed & lda.topicMask][type] += packed >> lda.topicBits;
                }
            }
            int[] tokensPerTopic = lda.getTokensPerTopic();
            double[] totals = new double[tokensPerTopic.length];
            for (int z = 0; z < totals.length; z++) {
                totals[z] = tokensPerTopic[z];
            }
            return smoothed(counts, totals, lda.beta);
        }

        @Override
        public synchronized double[] infer(int[] document) {
            Instance instance = new Instance(new FeatureSequence(alphabet, document.clone()), null, null, null);
            return inferencer.getSampledDistribution(instance, 100, 10, 10);
        }
    }
}
