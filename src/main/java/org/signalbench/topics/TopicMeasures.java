package org.signalbench.topics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures of a topic model run (formulas in docs/topics.md): cluster purity and NMI of the documents'
 * most likely topics against class labels, NPMI and UMass coherence of each topic's top words over a
 * reference corpus, topic diversity, and held-out perplexity by one word-level formula for every model.
 */
public final class TopicMeasures {
    /** Label of a document no coder classified: left out of purity and NMI. */
    public static final int UNLABELLED = -1;
    /** Top words per topic for coherence (NPMI, UMass), as is usual. */
    public static final int COHERENCE_WORDS = 10;
    /** Top words per topic for diversity (Dieng, Ruiz and Blei 2020). */
    public static final int DIVERSITY_WORDS = 25;

    private TopicMeasures() {
    }

    /**
     * Purity of clusters against classes, over the labelled documents: {@code micro} = the share of
     * documents in their cluster's majority class; {@code macro} = the mean over non-empty clusters of
     * the cluster's majority share ("averaged across all clusters", as the Twitter study put it).
     */
    public record Purity(double micro, double macro) {
    }

    public static Purity purity(int[] clusters, int[] classes) {
        int[][] table = contingency(clusters, classes);
        long n = 0;
        long majoritySum = 0;
        double macroSum = 0;
        int nonEmpty = 0;
        for (int[] row : table) {
            int size = 0;
            int majority = 0;
            for (int count : row) {
                size += count;
                majority = Math.max(majority, count);
            }
            if (size > 0) {
                n += size;
                majoritySum += majority;
                macroSum += (double) majority / size;
                nonEmpty++;
            }
        }
        if (n == 0) {
            return new Purity(Double.NaN, Double.NaN);
        }
        return new Purity((double) majoritySum / n, macroSum / nonEmpty);
    }

    /**
     * Normalised mutual information of clusters and classes over the labelled documents, with the
     * arithmetic-mean normalisation: 2 I(C; L) / (H(C) + H(L)) (scikit-learn's default). 1 when both
     * partitions are a single block.
     */
    public static double nmi(int[] clusters, int[] classes) {
        int[][] table = contingency(clusters, classes);
        int rows = table.length;
        int cols = rows == 0 ? 0 : table[0].length;
        double[] rowSums = new double[rows];
        double[] colSums = new double[cols];
        double n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowSums[i] += table[i][j];
                colSums[j] += table[i][j];
                n += table[i][j];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mutual = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (table[i][j] > 0) {
                    mutual += table[i][j] / n * Math.log(n * table[i][j] / (rowSums[i] * colSums[j]));
                }
            }
        }
        double entropies = entropy(rowSums, n) + entropy(colSums, n);
        return entropies == 0 ? 1.0 : Math.max(0, 2 * mutual / entropies);
    }

    private static double entropy(double[] sums, double n) {
        double h = 0;
        for (double s : sums) {
            if (s > 0) {
                h -= s / n * Math.log(s / n);
            }
        }
        return h;
    }

    /** Counts [cluster][class] over documents whose class is not {@link #UNLABELLED}. */
    private static int[][] contingency(int[] clusters, int[] classes) {
        if (clusters.length != classes.length) {
            throw new IllegalArgumentException(clusters.length + " cluster assignments but " + classes.length + " class labels");
        }
        int maxCluster = -1;
        int maxClass = -1;
        for (int i = 0; i < clusters.length; i++) {
            if (classes[i] != UNLABELLED) {
                if (clusters[i] < 0 || classes[i] < 0) {
                    throw new IllegalArgumentException("document " + i + ": negative cluster or class");
                }
                maxCluster = Math.max(maxCluster, clusters[i]);
                maxClass = Math.max(maxClass, classes[i]);
            }
        }
        int[][] table = new int[maxCluster + 1][maxClass + 1];
        for (int i = 0; i < clusters.length; i++) {
            if (classes[i] != UNLABELLED) {
                table[clusters[i]][classes[i]]++;
            }
        }
        return table;
    }

    /** Each topic's {@code n} most probable word ids, most probable first. */
    public static List<int[]> topWords(TopicModel model, int n) {
        List<int[]> out = new ArrayList<>(model.k());
        for (int z = 0; z < model.k(); z++) {
            double[] phi = model.topicWords(z);
            out.add(TopicModelResult.topIndices(phi, Math.min(n, phi.length)));
        }
        return out;
    }

    /**
     * Mean NPMI coherence over topics: for each topic the mean over its word pairs of
     * log(p(wi, wj) / (p(wi) p(wj))) / -log p(wi, wj), with p the share of {@code reference}'s
     * documents holding the word(s); -1 for a pair that never co-occurs, 1 for a pair found in every document.
     */
    public static double npmi(List<int[]> topWords, TopicCorpus reference) {
        CoOccurrence co = new CoOccurrence(topWords, reference);
        double n = reference.size();
        double sum = 0;
        int topics = 0;
        for (int[] words : topWords) {
            double topicSum = 0;
            int pairs = 0;
            for (int i = 0; i < words.length; i++) {
                for (int j = i + 1; j < words.length; j++) {
                    int joint = co.both(words[i], words[j]);
                    double pij = joint / n;
                    double value;
                    if (joint == 0) {
                        value = -1;
                    } else if (pij == 1) {
                        value = 1;
                    } else {
                        double pi = co.documents(words[i]) / n;
                        double pj = co.documents(words[j]) / n;
                        value = Math.log(pij / (pi * pj)) / -Math.log(pij);
                    }
                    topicSum += value;
                    pairs++;
                }
            }
            if (pairs > 0) {
                sum += topicSum / pairs;
                topics++;
            }
        }
        return topics == 0 ? Double.NaN : sum / topics;
    }

    /**
     * Mean UMass coherence (Mimno et al. 2011) over topics: for each topic, with its words in order of
     * probability, the mean over pairs m > l of log((D(w_m, w_l) + 1) / D(w_l)), D counting the
     * {@code reference} documents holding the word(s). Pairs whose higher-ranked word is in no document are skipped.
     */
    public static double umass(List<int[]> topWords, TopicCorpus reference) {
        CoOccurrence co = new CoOccurrence(topWords, reference);
        double sum = 0;
        int topics = 0;
        for (int[] words : topWords) {
            double topicSum = 0;
            int pairs = 0;
            for (int m = 1; m < words.length; m++) {
                for (int l = 0; l < m; l++) {
                    int dl = co.documents(words[l]);
                    if (dl == 0) {
                        continue;
                    }
                    topicSum += Math.log((co.both(words[m], words[l]) + 1.0) / dl);
                    pairs++;
                }
            }
            if (pairs > 0) {
                sum += topicSum / pairs;
                topics++;
            }
        }
        return topics == 0 ? Double.NaN : sum / topics;
    }

    /** Topic diversity: the share of distinct words among all topics' top words. */
    public static double diversity(List<int[]> topWords) {
        Set<Integer> distinct = new HashSet<>();
        int total = 0;
        for (int[] words : topWords) {
            for (int word : words) {
                distinct.add(word);
            }
            total += words.length;
        }
        return total == 0 ? Double.NaN : (double) distinct.size() / total;
    }

    /**
     * Word-level perplexity of {@code heldOut}: exp(-sum over documents d and their words w of
     * log p(w|d) / number of words), with p(w|d) = sum over z of p(z|d) p(w|z) and p(z|d) inferred by
     * the model's own inference on d. Indicative only: the models' inference differs in kind, so
     * values are not strictly comparable across model families (docs/topics.md).
     */
    public static double perplexity(TopicModel model, TopicCorpus heldOut) {
        int k = model.k();
        double[][] phi = new double[k][];
        for (int z = 0; z < k; z++) {
            phi[z] = model.topicWords(z);
        }
        double logLikelihood = 0;
        long words = 0;
        for (int[] doc : heldOut.documents()) {
            if (doc.length == 0) {
                continue;
            }
            double[] theta = model.infer(doc);
            for (int w : doc) {
                double p = 0;
                for (int z = 0; z < k; z++) {
                    p += theta[z] * phi[z][w];
                }
                logLikelihood += Math.log(p);
                words++;
            }
        }
        return words == 0 ? Double.NaN : Math.exp(-logLikelihood / words);
    }

    /** Document sets of the words that occur in some topic's top words, as bit sets over documents. */
    private static final class CoOccurrence {
        private final long[][] bits;
        private final int[] counts;

        CoOccurrence(List<int[]> topWords, TopicCorpus reference) {
            int w = reference.vocabularySize();
            bits = new long[w][];
            counts = new int[w];
            int blocks = (reference.size() + 63) >>> 6;
            for (int[] words : topWords) {
                for (int word : words) {
                    if (bits[word] == null) {
                        bits[word] = new long[blocks];
                    }
                }
            }
            for (int d = 0; d < reference.size(); d++) {
                for (int word : reference.document(d)) {
                    long[] set = bits[word];
                    if (set != null && (set[d >>> 6] & (1L << d)) == 0) {
                        set[d >>> 6] |= 1L << d;
                        counts[word]++;
                    }
                }
            }
        }

        int documents(int word) {
            return counts[word];
        }

        int both(int a, int b) {
            long[] x = bits[a];
            long[] y = bits[b];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                n += Long.bitCount(x[i] & y[i]);
            }
            return n;
        }
    }
}
