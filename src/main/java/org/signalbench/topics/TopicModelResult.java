package org.signalbench.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What every topic model yields, whatever its family: per topic its most probable words and its
 * size, per document its three most likely topics, the run's provenance, and the fitted model for
 * inference on further documents.
 *
 * @param model     the model's id ("btm", "lda", "nmf", "kernel-kmeans")
 * @param topics    topic 0..K-1 in order
 * @param documents one entry per corpus document, in corpus order
 * @param fitted    the fitted distributions (p(w|z), and inference of p(z|d)); not part of the stored result
 */
public record TopicModelResult(String model, int k, List<Topic> topics, List<DocumentTopics> documents,
                               TopicProvenance provenance, TopicModel fitted) {

    /** Words kept per topic in the result. */
    public static final int TOP_WORDS = 20;
    /** Topics kept per document in the result. */
    public static final int TOP_TOPICS = 3;

    public TopicModelResult {
        topics = List.copyOf(topics);
        documents = List.copyOf(documents);
    }

    /**
     * One topic: its {@link #TOP_WORDS} most probable words, most probable first, and its size: the
     * number of documents whose most likely topic it is.
     */
    public record Topic(int topic, int size, List<WordProbability> words) {
        public Topic {
            words = List.copyOf(words);
        }
    }

    /** A word and its probability within a topic. */
    public record WordProbability(String word, double p) {
    }

    /** A topic and its probability within a document. */
    public record TopicProbability(int topic, double p) {
    }

    /**
     * A document's most likely topics, most likely first: three, or fewer when K is smaller or the
     * model gives the rest probability zero (a k-means document belongs to one cluster only).
     */
    public record DocumentTopics(List<TopicProbability> top) {
        public DocumentTopics {
            top = List.copyOf(top);
        }

        /** The most likely topic. */
        public int first() {
            return top.get(0).topic();
        }
    }

    /** This result with {@code p} as its provenance (trainers add it last, when the time taken is known). */
    public TopicModelResult withProvenance(TopicProvenance p) {
        return new TopicModelResult(model, k, topics, documents, p, fitted);
    }

    /** The most likely topic of each document. */
    public int[] topTopics() {
        int[] out = new int[documents.size()];
        for (int d = 0; d < out.length; d++) {
            out[d] = documents.get(d).first();
        }
        return out;
    }

    /**
     * Builds the result shape from a fitted model and each training document's p(z|d), as the
     * model itself gives it (Gibbs state, inference, factor loadings or cluster membership).
     */
    static TopicModelResult of(String model, TopicModel fitted, TopicCorpus corpus, IntFunction<double[]> docTopics,
                               TopicProvenance provenance) {
        int k = fitted.k();
        int[] sizes = new int[k];
        List<DocumentTopics> docs = new ArrayList<>(corpus.size());
        for (int d = 0; d < corpus.size(); d++) {
            double[] p = docTopics.apply(d);
            int[] best = topIndices(p, Math.min(TOP_TOPICS, k));
            List<TopicProbability> top = new ArrayList<>(best.length);
            for (int z : best) {
                if (top.isEmpty() || p[z] > 0) {
                    top.add(new TopicProbability(z, p[z]));
                }
            }
            sizes[best[0]]++;
            docs.add(new DocumentTopics(top));
        }
        List<Topic> topics = new ArrayList<>(k);
        for (int z = 0; z < k; z++) {
            double[] phi = fitted.topicWords(z);
            List<WordProbability> words = new ArrayList<>();
            for (int w : topIndices(phi, Math.min(TOP_WORDS, phi.length))) {
                words.add(new WordProbability(corpus.vocabulary().get(w), phi[w]));
            }
            topics.add(new Topic(z, sizes[z], words));
        }
        return new TopicModelResult(model, k, topics, docs, provenance, fitted);
    }

    /**
     * Indices of the {@code n} largest values, largest first; ties go to the lower index, so the
     * order is the same on every run.
     */
    static int[] topIndices(double[] values, int n) {
        int[] best = new int[n];
        int filled = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (filled == n && !(v > values[best[n - 1]])) {
                continue;
            }
            int pos = Math.min(filled, n - 1);
            while (pos > 0 && v > values[best[pos - 1]]) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = i;
            if (filled < n) {
                filled++;
            }
        }
        return best;
    }
}
