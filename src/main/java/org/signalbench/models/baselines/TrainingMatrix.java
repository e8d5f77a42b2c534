package org.signalbench.models.baselines;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signalbench.models.Example;
import org.signalbench.models.TfIdf;

/**
 * A training part's TF-IDF weights and rows, computed through the examples' dictionary indices
 * (arrays indexed by word id instead of hash maps keyed by word): the very weights of
 * {@link TfIdf#fit(List, int)} and rows of {@link SparseRows#of}, in a fraction of their time. It
 * falls back to those when the indices do not name the words one to one.
 */
record TrainingMatrix(TfIdf tfIdf, SparseRows rows) {

    static TrainingMatrix fit(List<Example> training, int minDf) {
        int max = 0;
        for (Example e : training) {
            for (int index : e.indices()) {
                if (index < 0) {
                    return byWords(training, minDf);
                }
                max = Math.max(max, index);
            }
        }
        String[] word = new String[max + 1];
        int[] df = new int[max + 1];
        int[] lastText = new int[max + 1];
        Arrays.fill(lastText, -1);
        for (int d = 0; d < training.size(); d++) {
            Example e = training.get(d);
            int[] indices = e.indices();
            List<String> tokens = e.tokens();
            for (int i = 0; i < indices.length; i++) {
                int index = indices[i];
                String token = tokens.get(i);
                if (word[index] == null) {
                    word[index] = token;
                } else if (word[index] != token && !word[index].equals(token)) {
                    return byWords(training, minDf);
                }
                if (lastText[index] != d) {
                    lastText[index] = d;
                    df[index]++;
                }
            }
        }
        int n = training.size();
        Map<String, Double> idf = new HashMap<>();
        for (int index = 0; index <= max; index++) {
            if (df[index] >= minDf && idf.put(word[index], Math.log((1.0 + n) / (1.0 + df[index])) + 1.0) != null) {
                return byWords(training, minDf); // one word under two indices
            }
        }
        TfIdf tfIdf = TfIdf.of(idf);
        int[] columnOf = new int[max + 1];
        for (int index = 0; index <= max; index++) {
            columnOf[index] = df[index] >= minDf ? tfIdf.column(word[index]) : -1;
        }
        return new TrainingMatrix(tfIdf, rows(training, columnOf, SparseRows.idfByColumn(tfIdf)));
    }

    private static TrainingMatrix byWords(List<Example> training, int minDf) {
        TfIdf tfIdf = TfIdf.fit(training, minDf);
        return new TrainingMatrix(tfIdf, SparseRows.of(tfIdf, training));
    }

    /** As {@link SparseRows#of}: counts per column, times idf, summed and scaled in column order (the same doubles). */
    private static SparseRows rows(List<Example> training, int[] columnOf, double[] idf) {
        int[] rowStart = new int[training.size() + 1];
        int capacity = 0;
        for (Example e : training) {
            capacity += e.indices().length;
        }
        int[] columns = new int[capacity];
        double[] values = new double[capacity];
        int[] buffer = new int[16];
        int nnz = 0;
        for (int r = 0; r < training.size(); r++) {
            int[] indices = training.get(r).indices();
            if (buffer.length < indices.length) {
                buffer = new int[indices.length];
            }
            int known = 0;
            for (int index : indices) {
                if (columnOf[index] >= 0) {
                    buffer[known++] = columnOf[index];
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
}
