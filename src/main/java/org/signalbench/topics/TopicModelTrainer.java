package org.signalbench.topics;

import org.signalbench.jobs.JobContext;

/**
 * Fits one family of topic model. Given the same corpus, parameters and seed, a one-thread fit gives
 * the same result every time. Long fits report progress to {@code progress} and stop with
 * {@link org.signalbench.jobs.CancelledException} when it is cancelled.
 */
public interface TopicModelTrainer {

    /** The model's id on the command line and in stored runs: "btm", "lda", "nmf", "kernel-kmeans". */
    String id();

    TopicModelResult fit(TopicCorpus corpus, TopicParams params, long seed, JobContext progress);
}
