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

    /** As {@link SparseRows#of}, through the word ids' columns (the same doubles). */
    private static SparseRows rows(List<Example> training, int[] columnOf, double[] idf) {
        return SparseRows.counted(idf, training.size(), r -> training.get(r).indices().length, (r, buffer) -> {
            int known = 0;
            for (int index : training.get(r).indices()) {
                if (columnOf[index] >= 0) {
                    buffer[known++] = columnOf[index];
                }
            }
            return known;
        });
    }
}
