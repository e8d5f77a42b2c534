package org.signalbench.models.baselines;

import java.util.Arrays;
import java.util.List;
import org.signalbench.models.Example;
import org.signalbench.models.TfIdf;

/**
 * TF-IDF rows in compressed sparse row layout (CSR): row r's nonzero columns are
 * {@code columns[rowStart[r] .. rowStart[r+1])}, ascending, with their weights in {@code values}.
 * Columns are the 0-based positions in {@link TfIdf#vocabulary()} order, and every weight is the
 * very double {@link TfIdf#transform} gives (the same terms summed in the same order), so these rows
 * equal the matrices {@code bench baselines --export} writes for scikit-learn.
 */
public record SparseRows(int[] rowStart, int[] columns, double[] values, int features) {

    /** Number of rows. */
    public int rows() {
        return rowStart.length - 1;
    }

    /** Number of nonzeros of row {@code r}. */
    public int length(int r) {
        return rowStart[r + 1] - rowStart[r];
    }

    /** Column → idf weight, in {@link TfIdf#vocabulary()} order. */
    static double[] idfByColumn(TfIdf tfIdf) {
        List<String> vocabulary = tfIdf.vocabulary();
        double[] idf = new double[vocabulary.size()];
        for (int c = 0; c < idf.length; c++) {
            idf[c] = tfIdf.idf(vocabulary.get(c));
        }
        return idf;
    }

    /** The TF-IDF rows of these examples, in their order (a text without a known word gives an empty row). */
    public static SparseRows of(TfIdf tfIdf, List<Example> examples) {
        double[] idf = idfByColumn(tfIdf);
        int[] rowStart = new int[examples.size() + 1];
        int capacity = 0;
        for (Example e : examples) {
            capacity += e.tokens().size();
        }
        int[] columns = new int[capacity];
        double[] values = new double[capacity];
        int[] buffer = new int[16];
        int nnz = 0;
        for (int r = 0; r < examples.size(); r++) {
            List<String> tokens = examples.get(r).tokens();
            if (buffer.length < tokens.size()) {
                buffer = new int[tokens.size()];
            }
            int known = 0;
            for (String w : tokens) {
                int c = tfIdf.column(w);
                if (c >= 0) {
                    buffer[known++] = c;
                }
            }
            Arrays.sort(buffer, 0, known);
            int start = nnz;
            double norm = 0;
            for (int i = 0; i < known; ) {
                int j = i;
                while (j < known && buffer[j] == buffer[i]) {
                    j++;
                }
                double v = (j - i) * idf[buffer[i]];
                columns[nnz] = buffer[i];
                values[nnz++] = v;
                norm += v * v;
                i = j;
            }
            norm = Math.sqrt(norm);
            for (int k = start; k < nnz && norm > 0; k++) {
                values[k] /= norm;
            }
            rowStart[r + 1] = nnz;
        }
        return new SparseRows(rowStart, Arrays.copyOf(columns, nnz), Arrays.copyOf(values, nnz), idf.length);
    }

    /** Row {@code r}'s value in column {@code column} (0 when it has none). */
    public double value(int r, int column) {
        int k = Arrays.binarySearch(columns, rowStart[r], rowStart[r + 1], column);
        return k >= 0 ? values[k] : 0.0;
    }
}
