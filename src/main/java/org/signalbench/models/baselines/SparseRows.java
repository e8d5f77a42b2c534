package org.signalbench.models.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
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
        return tfIdf.idfByColumn();
    }

    /** The TF-IDF rows of these examples, in their order (a text without a known word gives an empty row). */
    public static SparseRows of(TfIdf tfIdf, List<Example> examples) {
        return counted(idfByColumn(tfIdf), examples.size(), r -> examples.get(r).tokens().size(), (r, buffer) -> {
            int known = 0;
            Example e = examples.get(r);
            int[] indices = e.indices();
            List<String> tokens = e.tokens();
            for (int i = 0; i < indices.length; i++) {
                int c = tfIdf.column(indices[i], tokens.get(i));
                if (c >= 0) {
                    buffer[known++] = c;
                }
            }
            return known;
        });
    }

    /** Puts a row's known columns (repeats and all, in any order) into a buffer. */
    @FunctionalInterface
    interface RowColumns {
        /** Writes row {@code r}'s columns into {@code buffer} (as long as the row's length or longer) and returns how many. */
        int fill(int r, int[] buffer);
    }

    /**
     * Rows whose weights are each column's count times its idf, summed and scaled to unit length in
     * ascending column order, so every caller gets the same doubles for the same columns.
     */
    static SparseRows counted(double[] idf, int rows, IntUnaryOperator rowLength, RowColumns rowColumns) {
        int[] rowStart = new int[rows + 1];
        int capacity = 0;
        int longest = 0;
        for (int r = 0; r < rows; r++) {
            int length = rowLength.applyAsInt(r);
            capacity += length;
            longest = Math.max(longest, length);
        }
        int[] columns = new int[capacity];
        double[] values = new double[capacity];
        int[] buffer = new int[longest];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            int known = rowColumns.fill(r, buffer);
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
