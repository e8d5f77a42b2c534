package org.signalbench.topics;

import java.util.Arrays;

/**
 * TF-IDF rows of a {@link TopicCorpus} in compressed sparse row form, with the weights of
 * {@link org.signalbench.models.TfIdf} (scikit-learn's defaults: raw counts times
 * ln((1 + N) / (1 + df)) + 1, rows scaled to unit length) but over word ids, for corpora of
 * hundreds of thousands of documents. The idf is fitted on the corpus given; {@link #row} applies it
 * to further documents.
 */
final class TfIdfRows {
    final int[] start;
    final int[] columns;
    final double[] values;
    final double[] idf;

    private TfIdfRows(int[] start, int[] columns, double[] values, double[] idf) {
        this.start = start;
        this.columns = columns;
        this.values = values;
        this.idf = idf;
    }

    int rows() {
        return start.length - 1;
    }

    static TfIdfRows fit(TopicCorpus corpus) {
        int n = corpus.size();
        int[] df = corpus.documentFrequencies();
        double[] idf = new double[df.length];
        for (int w = 0; w < df.length; w++) {
            idf[w] = Math.log((1.0 + n) / (1.0 + df[w])) + 1;
        }
        int[] start = new int[n + 1];
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int d = 0; d < n; d++) {
            Sparse s = row(corpus.document(d), idf);
            cols[d] = s.columns;
            vals[d] = s.values;
            start[d + 1] = start[d] + s.columns.length;
        }
        int[] columns = new int[start[n]];
        double[] values = new double[start[n]];
        for (int d = 0; d < n; d++) {
            System.arraycopy(cols[d], 0, columns, start[d], cols[d].length);
            System.arraycopy(vals[d], 0, values, start[d], vals[d].length);
        }
        return new TfIdfRows(start, columns, values, idf);
    }

    /** One sparse row: word ids ascending and their weights. */
    record Sparse(int[] columns, double[] values) {
    }

    /** The TF-IDF row of {@code doc} under {@code idf}. */
    static Sparse row(int[] doc, double[] idf) {
        int[] sorted = doc.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] cols = new int[distinct];
        double[] vals = new double[distinct];
        int j = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                j++;
                cols[j] = sorted[i];
            }
            vals[j] += idf[sorted[i]];
        }
        double norm = 0;
        for (double v : vals) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < vals.length; i++) {
            vals[i] /= norm;
        }
        return new Sparse(cols, vals);
    }

    Sparse row(int[] doc) {
        return row(doc, idf);
    }
}
