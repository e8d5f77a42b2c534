package org.signalbench.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/**
 * Non-negative matrix factorisation of the corpus's TF-IDF matrix X (documents x words) into
 * W (documents x K) and H (K x words, kept word-major), minimising the Frobenius norm of X - WH by Lee and Seung's
 * multiplicative updates from a seeded random start (scikit-learn's "random" init scale). Iterations
 * default to 200.
 *
 * <p>As a topic model: p(z|d) is d's row of W scaled to sum to one (uniform for an all-zero row);
 * p(w|z) is z's row of H scaled to sum to one and mixed with 1% of the uniform distribution
 * so that no word has probability zero (perplexity needs that). New documents are folded in: their
 * W row is fitted by the same updates with H fixed ({@link #FOLD_IN_ITERATIONS} of them).
 */
public final class NmfTrainer implements TopicModelTrainer {
    public static final String ID = "nmf";
    public static final int DEFAULT_ITERATIONS = 200;
    static final int FOLD_IN_ITERATIONS = 100;
    static final double UNIFORM_SHARE = 0.01;
    private static final double EPSILON = 1e-12;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicModelResult fit(TopicCorpus corpus, TopicParams params, long seed, JobContext progress) {
        params.requireKnownOptions(ID, Set.of());
        long started = System.nanoTime();
        int k = params.k();
        int iterations = params.iterationsOr(DEFAULT_ITERATIONS);
        int n = corpus.size();
        int v = corpus.vocabularySize();
        TfIdfRows x = TfIdfRows.fit(corpus);
        double mean = 0;
        for (double value : x.values) {
            mean += value;
        }
        mean /= Math.max(1.0, (double) n * v);
        double scale = Math.sqrt(mean / k);
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 0x4e4d46));
        double[] w = new double[n * k];
        double[] h = new double[k * v];
        for (int i = 0; i < w.length; i++) {
            w[i] = scale * random.nextDouble() + EPSILON;
        }
        for (int i = 0; i < h.length; i++) {
            h[i] = scale * random.nextDouble() + EPSILON;
        }
        double[] numeratorH = new double[k * v];
        double[] gram = new double[k * k];
        double[] rowNumerator = new double[k];
        double[] rowDenominator = new double[k];
        for (int it = 0; it < iterations; it++) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            // H <- H * (W'X) / (W'W H)
            java.util.Arrays.fill(numeratorH, 0);
            for (int d = 0; d < n; d++) {
                int wd = d * k;
                for (int p = x.start[d]; p < x.start[d + 1]; p++) {
                    int col = x.columns[p];
                    double value = x.values[p];
                    int base = col * k;
                    for (int z = 0; z < k; z++) {
                        numeratorH[base + z] += w[wd + z] * value;
                    }
                }
            }
            gram(w, n, k, gram);
            for (int col = 0; col < v; col++) {
                int base = col * k;
                for (int z = 0; z < k; z++) {
                    double denominator = 0;
                    for (int y = 0; y < k; y++) {
                        denominator += gram[z * k + y] * h[base + y];
                    }
                    rowDenominator[z] = denominator;
                }
                for (int z = 0; z < k; z++) {
                    h[base + z] *= numeratorH[base + z] / (rowDenominator[z] + EPSILON);
                }
            }
            // W <- W * (X H') / (W H H')
            hht(h, k, v, gram);
            for (int d = 0; d < n; d++) {
                updateRow(x.columns, x.values, x.start[d], x.start[d + 1], w, d * k, h, gram, k, v, rowNumerator,
                        rowDenominator);
            }
            progress.progress(it + 1, iterations + 1L, "iteration " + (it + 1) + " of " + iterations);
        }
        NmfModel model = new NmfModel(h, k, v, x.idf);
        TopicModelResult result = TopicModelResult.of(ID, model, corpus, d -> normalised(w, d * k, k), null);
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("k", k);
        hp.put("iterations", iterations);
        hp.put("features", "tf-idf (raw counts, smooth idf, l2 rows)");
        hp.put("updates", "multiplicative, Frobenius");
        hp.put("init", "random uniform scaled by sqrt(mean(X)/k)");
        hp.put("foldInIterations", FOLD_IN_ITERATIONS);
        hp.put("uniformShare", UNIFORM_SHARE);
        progress.progress(iterations + 1L, iterations + 1L, "done");
        return result.withProvenance(TopicProvenance.of(corpus, hp, seed, 1, Map.of(), (System.nanoTime() - started) / 1e9));
    }

    /** W'W, K x K. */
    private static void gram(double[] w, int n, int k, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int d = 0; d < n; d++) {
            int row = d * k;
            for (int a = 0; a < k; a++) {
                double wa = w[row + a];
                if (wa == 0) {
                    continue;
                }
                int base = a * k;
                for (int b = 0; b < k; b++) {
                    out[base + b] += wa * w[row + b];
                }
            }
        }
    }

    /** H H', K x K. */
    private static void hht(double[] h, int k, int v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int col = 0; col < v; col++) {
            int base = col * k;
            for (int a = 0; a < k; a++) {
                double ha = h[base + a];
                if (ha == 0) {
                    continue;
                }
                for (int b = a; b < k; b++) {
                    out[a * k + b] += ha * h[base + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                out[a * k + b] = out[b * k + a];
            }
        }
    }

    /** One multiplicative update of W's row at {@code offset} for the sparse row [from, to). */
    static void updateRow(int[] columns, double[] values, int from, int to, double[] w, int offset, double[] h,
                          double[] hhT, int k, int v, double[] numerator, double[] denominator) {
        java.util.Arrays.fill(numerator, 0);
        for (int p = from; p < to; p++) {
            int col = columns[p];
            double value = values[p];
            int base = col * k;
            for (int z = 0; z < k; z++) {
                numerator[z] += value * h[base + z];
            }
        }
        for (int z = 0; z < k; z++) {
            double s = 0;
            int row = z * k; // H H' is symmetric: row z is column z, read contiguously
            for (int y = 0; y < k; y++) {
                s += w[offset + y] * hhT[row + y];
            }
            denominator[z] = s;
        }
        for (int z = 0; z < k; z++) {
            w[offset + z] *= numerator[z] / (denominator[z] + EPSILON);
        }
    }

    static double[] normalised(double[] w, int offset, int k) {
        double[] p = new double[k];
        double sum = 0;
        for (int z = 0; z < k; z++) {
            sum += w[offset + z];
        }
        for (int z = 0; z < k; z++) {
            p[z] = sum > 0 ? w[offset + z] / sum : 1.0 / k;
        }
        return p;
    }

    /** The factorisation as a topic model. */
    private static final class NmfModel implements TopicModel {
        private final double[] h;
        private final double[] hhT;
        private final double[][] phi;
        private final int k;
        private final int v;
        private final double[] idf;

        NmfModel(double[] h, int k, int v, double[] idf) {
            this.h = h;
            this.k = k;
            this.v = v;
            this.idf = idf;
            this.hhT = new double[k * k];
            hht(h, k, v, hhT);
            phi = new double[k][v];
            for (int z = 0; z < k; z++) {
                double sum = 0;
                for (int col = 0; col < v; col++) {
                    sum += h[col * k + z];
                }
                for (int col = 0; col < v; col++) {
                    double p = sum > 0 ? h[col * k + z] / sum : 1.0 / v;
                    phi[z][col] = (1 - UNIFORM_SHARE) * p + UNIFORM_SHARE / v;
                }
            }
        }

        @Override
        public int k() {
            return k;
        }

        @Override
        public int vocabularySize() {
            return v;
        }

        @Override
        public double[] topicWords(int z) {
            return phi[z];
        }

        @Override
        public double[] infer(int[] document) {
            if (document.length == 0) {
                return normalised(new double[k], 0, k);
            }
            TfIdfRows.Sparse row = TfIdfRows.row(document, idf);
            double[] w = new double[k];
            java.util.Arrays.fill(w, 1.0 / k);
            double[] numerator = new double[k];
            double[] denominator = new double[k];
            for (int it = 0; it < FOLD_IN_ITERATIONS; it++) {
                updateRow(row.columns(), row.values(), 0, row.columns().length, w, 0, h, hhT, k, v, numerator, denominator);
            }
            return normalised(w, 0, k);
        }
    }
}
