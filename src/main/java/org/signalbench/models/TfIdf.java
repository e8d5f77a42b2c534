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

    /** The words with a weight, ascending: a word's position is its column. */
    private final String[] words;
    /** Each column's idf weight. */
    private final double[] idfByColumn;
    /** Word → column, built on first use (training and scoring through dictionary indices never need it). */
    private volatile Map<String, Integer> column;
    /** Dictionary index → column (-1: no weight), or null; see {@link #ofColumns(String[], double[], int[], String[])}. */
    private final int[] columnOfIndex;
    /** Dictionary index → its word, one to one, or null. */
    private final String[] wordOfIndex;

    private TfIdf(String[] sortedWords, double[] idfByColumn) {
        this(sortedWords, idfByColumn, null, null);
    }

    private TfIdf(String[] sortedWords, double[] idfByColumn, int[] columnOfIndex, String[] wordOfIndex) {
        this.words = sortedWords;
        this.idfByColumn = idfByColumn;
        this.columnOfIndex = columnOfIndex;
        this.wordOfIndex = wordOfIndex;
    }

    private static TfIdf ofMap(Map<String, Double> idf) {
        String[] words = idf.keySet().toArray(new String[0]);
        java.util.Arrays.sort(words);
        double[] weights = new double[words.length];
        for (int c = 0; c < words.length; c++) {
            weights[c] = idf.get(words[c]);
        }
        return new TfIdf(words, weights);
    }

    /**
     * A vectoriser from its columns: {@code sortedWords} strictly ascending (String order) and each
     * column's idf weight; the arrays are kept, not copied. For learners that fit the weights
     * through dictionary indices (models.baselines) and already have them in column order.
     */
    public static TfIdf ofColumns(String[] sortedWords, double[] idfByColumn) {
        if (sortedWords.length != idfByColumn.length) {
            throw new IllegalArgumentException(sortedWords.length + " words but " + idfByColumn.length + " weights");
        }
        for (int c = 1; c < sortedWords.length; c++) {
            if (sortedWords[c - 1].compareTo(sortedWords[c]) >= 0) {
                throw new IllegalArgumentException("words not strictly ascending at column " + c + ": '"
                        + sortedWords[c - 1] + "', '" + sortedWords[c] + "'");
            }
        }
        return new TfIdf(sortedWords, idfByColumn);
    }

    /**
     * As {@link #ofColumns(String[], double[])}, also knowing the dictionary indices the words were
     * fitted through: {@code wordOfIndex} names words one to one (no word under two indices) and
     * holds every word of the vocabulary at its index; {@code columnOfIndex} gives each index's
     * column or -1. {@link #column(int, String)} then finds a token's column by its index (the arrays
     * are kept, not copied).
     */
    public static TfIdf ofColumns(String[] sortedWords, double[] idfByColumn, int[] columnOfIndex, String[] wordOfIndex) {
        TfIdf plain = ofColumns(sortedWords, idfByColumn);
        return new TfIdf(plain.words, plain.idfByColumn, columnOfIndex, wordOfIndex);
    }

    /**
     * The column of a token given with its dictionary index, or -1 when it has no weight: the same
     * as {@link #column(String)}, through the index when this vectoriser knows the index as that
     * word, through the word otherwise (a text of another dictionary).
     */
    public int column(int index, String word) {
        if (wordOfIndex != null && index >= 0 && index < wordOfIndex.length) {
            String known = wordOfIndex[index];
            if (known == word || (known != null && known.equals(word))) {
                return index < columnOfIndex.length ? columnOfIndex[index] : -1;
            }
        }
        return column(word);
    }

    /** Each column's idf weight, in {@link #vocabulary()} order (a copy). */
    public double[] idfByColumn() {
        return idfByColumn.clone();
    }

    private Map<String, Integer> columns() {
        Map<String, Integer> c = column;
        if (c == null) {
            c = new HashMap<>(words.length * 2);
            for (String w : words) {
                c.put(w, c.size());
            }
            column = c;
        }
        return c;
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
        return ofMap(idf);
    }

    /** Number of words with a weight. */
    public int vocabularySize() {
        return words.length;
    }

    /** The words with a weight, sorted; a word's position is its column in exported matrices. */
    public List<String> vocabulary() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(words));
    }

    /** The column (0-based, in {@link #vocabulary()} order) of a word, or -1 when it has no weight. */
    public int column(String word) {
        return columns().getOrDefault(word, -1);
    }

    /** The idf of a word, or NaN when the training part never saw it. */
    public double idf(String word) {
        int c = column(word);
        return c < 0 ? Double.NaN : idfByColumn[c];
    }

    public Vector transform(Example e) {
        Map<String, Integer> tf = new TreeMap<>();
        for (String w : e.tokens()) {
            if (column(w) >= 0) {
                tf.merge(w, 1, Integer::sum);
            }
        }
        String[] names = new String[tf.size()];
        double[] values = new double[tf.size()];
        double norm = 0;
        int i = 0;
        for (var entry : tf.entrySet()) {
            names[i] = entry.getKey();
            values[i] = entry.getValue() * idf(entry.getKey());
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
        return ofMap(idfWeights);
    }

    /** Every word's idf weight, sorted by word (what a saved model stores). */
    public Map<String, Double> idfWeights() {
        Map<String, Double> weights = new TreeMap<>();
        for (int c = 0; c < words.length; c++) {
            weights.put(words[c], idfByColumn[c]);
        }
        return weights;
    }
}
