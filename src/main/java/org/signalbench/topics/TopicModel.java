package org.signalbench.topics;

/**
 * A fitted topic model as far as measures and inference need it: each topic's word distribution
 * p(w|z) and the model's own way of inferring p(z|d) for a document it may not have seen.
 */
public interface TopicModel {

    /** Number of topics K. */
    int k();

    /** Vocabulary size W. */
    int vocabularySize();

    /** p(w|z) for topic {@code z}: W probabilities, all positive, summing to one. Callers must not change it. */
    double[] topicWords(int z);

    /** p(z|d) for a document given as word ids: K probabilities summing to one. */
    double[] infer(int[] document);
}
