package org.signalbench.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TF-IDF bag of words, fitted on a training part only (so the test fold does not leak into the
 * weights). For word w in document d of a training part of N documents, df(w) of which contain w:
 *
 * <pre>
 *   tf(w, d)  = number of times w occurs in d
 *   idf(w)    = ln((1 + N) / (1 + df(w))) + 1
 *   x(w, d)   = tf(w, d) * idf(w), then x(., d) scaled to unit Euclidean length
 * </pre>
 *
 * (scikit-learn's TfidfVectorizer defaults: smooth idf, raw counts, L2 norm). Words a training part
 * never saw get no feature in its test documents. The vocabulary is the preprocessing dictionary's
 * tokens, so hashtags and words are distinct features ("#xanax" is not "xanax").
 *
 * <p>Document-frequency floor {@code minDf} (scikit-learn's {@code min_df} as a count): words in
 * fewer than {@code minDf} training documents are dropped before anything else, so they carry no
 * weight and take no part in the length normalisation; {@code minDf = 1} keeps every word. The
 * tree learners' cost grows with the number of features (docs/models.md), and words seen in a
 * handful of texts rarely decide a split.
 */
public final class TfIdf {
    /** One document's features: names (sorted) and weights, parallel. */
    public record Vector(String[] names, double[] values) {
    }

    private final Map<String, Double> idf;
    /** Column of each word in {@link #vocabulary()} order (0-based). */
    private final Map<String, Integer> column;
    /** The words with a weight, sorted (built once: models score and export through it per fold). */
    private final List<String> vocabulary;

    private TfIdf(Map<String, Double> idf) {
        this.idf = idf;
        String[] words = idf.keySet().toArray(new String[0]);
        java.util.Arrays.sort(words);
        this.vocabulary = List.of(words);
        this.column = new HashMap<>(idf.size() * 2);
        for (String w : words) {
            column.put(w, column.size());
        }
    }

    /** Fits the idf weights on these training documents, keeping every word. */
    public static TfIdf fit(List<Example> training) {
        return fit(training, 1);
    }

    /** Fits the idf weights on these training documents, keeping the words in at least {@code minDf} of them. */
    public static TfIdf fit(List<Example> training, int minDf) {
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be at least 1, got " + minDf);
        }
        Map<String, Integer> df = new HashMap<>();
        for (Example e : training) {
            for (String w : new java.util.HashSet<>(e.tokens())) {
                df.merge(w, 1, Integer::sum);
            }
        }
        int n = training.size();
        Map<String, Double> idf = new HashMap<>(df.size() * 2);
        df.forEach((w, count) -> {
            if (count >= minDf) {
                idf.put(w, Math.log((1.0 + n) / (1.0 + count)) + 1.0);
            }
        });
        return new TfIdf(idf);
    }

    /** Number of words with a weight. */
    public int vocabularySize() {
        return idf.size();
    }

    /** The words with a weight, sorted; a word's position is its column in exported matrices. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The column (0-based, in {@link #vocabulary()} order) of a word, or -1 when it has no weight. */
    public int column(String word) {
        return column.getOrDefault(word, -1);
    }

    /** The idf of a word, or NaN when the training part never saw it. */
    public double idf(String word) {
        return idf.getOrDefault(word, Double.NaN);
    }

    public Vector transform(Example e) {
        Map<String, Integer> tf = new TreeMap<>();
        for (String w : e.tokens()) {
            if (idf.containsKey(w)) {
                tf.merge(w, 1, Integer::sum);
            }
        }
        String[] names = new String[tf.size()];
        double[] values = new double[tf.size()];
        double norm = 0;
        int i = 0;
        for (var entry : tf.entrySet()) {
            names[i] = entry.getKey();
            values[i] = entry.getValue() * idf.get(entry.getKey());
            norm += values[i] * values[i];
            i++;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < values.length && norm > 0; j++) {
            values[j] /= norm;
        }
        return new Vector(names, values);
    }

    /** A vectoriser with these idf weights (word → idf), as {@link #idfWeights()} gave them: for saved models. */
    public static TfIdf of(Map<String, Double> idfWeights) {
        return new TfIdf(new HashMap<>(idfWeights));
    }

    /** Every word's idf weight, sorted by word (what a saved model stores). */
    public Map<String, Double> idfWeights() {
        return new TreeMap<>(idf);
    }
}
