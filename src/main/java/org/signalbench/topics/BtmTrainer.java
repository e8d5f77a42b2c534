package org.signalbench.topics;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/**
 * The biterm topic model (Yan, Guo, Lan and Cheng, WWW 2013) fitted by {@link BtmSampler}, with
 * {@code sum_b} inference of every document's topics ({@link BtmModel}).
 *
 * <p>Options: {@code alpha} (default 50/K), {@code beta} (0.01), {@code window} (15 words),
 * {@code background} (1 makes topic 0 a background topic fixed at the corpus word frequencies; default 0).
 * Iterations default to 1,000 Gibbs sweeps. With threads = 1 the run is exactly repeatable for a seed;
 * with more threads it is repeatable for the same seed and thread count (see {@link BtmSampler}).
 */
public final class BtmTrainer implements TopicModelTrainer {
    public static final String ID = "btm";
    public static final int DEFAULT_ITERATIONS = 1000;
    public static final int DEFAULT_WINDOW = 15;
    public static final double DEFAULT_BETA = 0.01;
    private static final Set<String> OPTIONS = Set.of("alpha", "beta", "window", "background");

    @Override
    public String id() {
        return ID;
    }

    /** The hyperparameters in effect for {@code params}, in a fixed order. */
    static Map<String, Object> hyperparameters(TopicParams params) {
        params.requireKnownOptions(ID, OPTIONS);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("k", params.k());
        h.put("iterations", params.iterationsOr(DEFAULT_ITERATIONS));
        h.put("alpha", params.option("alpha", 50.0 / params.k()));
        h.put("beta", params.option("beta", DEFAULT_BETA));
        h.put("window", (int) params.option("window", DEFAULT_WINDOW));
        h.put("background", params.option("background", 0) != 0);
        h.put("inference", "sum_b");
        return h;
    }

    /** The sampler for {@code corpus} and {@code params}, initialised from {@code seed}. */
    static BtmSampler sampler(TopicCorpus corpus, Biterms biterms, TopicParams params, long seed) {
        Map<String, Object> h = hyperparameters(params);
        double alpha = (Double) h.get("alpha");
        double beta = (Double) h.get("beta");
        if (!(alpha > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("btm needs alpha > 0 and beta > 0, not alpha " + alpha + ", beta " + beta);
        }
        if ((Integer) h.get("window") < 2) {
            throw new IllegalArgumentException("btm's window must be at least 2 words, not " + h.get("window"));
        }
        boolean background = (Boolean) h.get("background");
        if (background && params.k() < 2) {
            throw new IllegalArgumentException("btm with a background topic needs k of at least 2");
        }
        return new BtmSampler(biterms, params.k(), corpus.vocabularySize(), alpha, beta,
                background ? wordFrequencies(corpus) : null, params.threads(), seed);
    }

    /** Identifies corpus, hyperparameters, seed and threads in a checkpoint. */
    static String fingerprint(TopicCorpus corpus, TopicParams params, long seed) {
        Map<String, Object> h = new LinkedHashMap<>(hyperparameters(params));
        h.remove("iterations"); // a checkpoint may be resumed with more (or fewer) iterations
        return "corpus " + corpus.hash() + " " + h + " seed " + seed + " threads " + params.threads();
    }

    @Override
    public TopicModelResult fit(TopicCorpus corpus, TopicParams params, long seed, JobContext progress) {
        long started = System.nanoTime();
        Map<String, Object> h = hyperparameters(params);
        int iterations = (Integer) h.get("iterations");
        int window = (Integer) h.get("window");
        Biterms biterms = Biterms.of(corpus, window);
        BtmSampler sampler = sampler(corpus, biterms, params, seed);
        TopicParams.Checkpointing checkpoint = params.checkpoint();
        String fingerprint = checkpoint == null ? null : fingerprint(corpus, params, seed);
        int resumedFrom = 0;
        if (checkpoint != null && Files.exists(checkpoint.file())) {
            sampler.load(checkpoint.file(), fingerprint);
            resumedFrom = sampler.sweepsDone();
        }
        ExecutorService pool = params.threads() > 1 ? Executors.newFixedThreadPool(params.threads() - 1, r -> {
            Thread t = new Thread(r, "btm-sampler");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            while (sampler.sweepsDone() < iterations) {
                if (progress.isCancelled()) {
                    if (checkpoint != null) {
                        sampler.save(checkpoint.file(), fingerprint);
                    }
                    throw new CancelledException();
                }
                sampler.sweep(pool);
                int done = sampler.sweepsDone();
                if (checkpoint != null && done % checkpoint.everyIterations() == 0 && done < iterations) {
                    sampler.save(checkpoint.file(), fingerprint);
                }
                progress.progress(done, iterations + 1L, "iteration " + done + " of " + iterations);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        BtmModel model = new BtmModel(params.k(), corpus.vocabularySize(), window, sampler.topicProportions(),
                sampler.wordTopicWordMajor());
        double[] scratch = new double[params.k()];
        progress.progress(iterations, iterations + 1L, "inferring the topics of every document");
        TopicModelResult result = TopicModelResult.of(ID, model, corpus, d -> {
            double[] p = new double[params.k()];
            model.infer(corpus.document(d), p, scratch);
            return p;
        }, null);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.progress(iterations + 1L, iterations + 1L, "done");
        Map<String, Object> recorded = new LinkedHashMap<>(h);
        recorded.put("biterms", biterms.size());
        recorded.put("iterationsRun", sampler.sweepsDone());
        recorded.put("resumedFromIteration", resumedFrom);
        // Seconds are this process's only: a resumed run does not know how long the earlier part took.
        return result.withProvenance(TopicProvenance.of(corpus, recorded, seed, params.threads(), Map.of(), seconds));
    }

    /** Corpus word frequencies: the background topic's fixed word distribution. */
    static double[] wordFrequencies(TopicCorpus corpus) {
        double[] p = new double[corpus.vocabularySize()];
        for (int[] doc : corpus.documents()) {
            for (int word : doc) {
                p[word]++;
            }
        }
        double total = corpus.tokenCount();
        for (int word = 0; word < p.length; word++) {
            p[word] /= total;
        }
        return p;
    }
}
