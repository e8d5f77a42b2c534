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
 */
public final class TfIdf {
    /** One document's features: names (sorted) and weights, parallel. */
    public record Vector(String[] names, double[] values) {
    }

    private final Map<String, Double> idf;

    private TfIdf(Map<String, Double> idf) {
        this.idf = idf;
    }

    /** Fits the idf weights on these training documents. */
    public static TfIdf fit(List<Example> training) {
        Map<String, Integer> df = new HashMap<>();
        for (Example e : training) {
            for (String w : new java.util.HashSet<>(e.tokens())) {
                df.merge(w, 1, Integer::sum);
            }
        }
        int n = training.size();
        Map<String, Double> idf = new HashMap<>(df.size() * 2);
        df.forEach((w, count) -> idf.put(w, Math.log((1.0 + n) / (1.0 + count)) + 1.0));
        return new TfIdf(idf);
    }

    /** Number of words with a weight. */
    public int vocabularySize() {
        return idf.size();
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
