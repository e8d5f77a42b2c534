package org.signalbench.models.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.signalbench.models.Example;
import org.signalbench.models.TfIdf;

/**
 * A training part's TF-IDF weights and rows, computed through the examples' dictionary indices
 * (arrays indexed by word id instead of hash maps keyed by word): the very weights of
 * {@link TfIdf#fit(List, int)} and rows of {@link SparseRows#of}, in a fraction of their time. It
 * falls back to those when the indices do not name the words one to one.
 *
 * <p>Two things make a fold cheap (a profile of the SVM's 10 folds put half its time in the TF-IDF
 * fit, mostly sorting words and rows): the words' alphabetical order, which gives the columns, is
 * sorted once per dictionary and remembered ({@link WordOrder}: a fold only picks its kept words
 * from it), and the rows are built by a counting transpose (tokens to columns, then columns back to
 * rows in ascending order) instead of a sort per row.
 */
record TrainingMatrix(TfIdf tfIdf, SparseRows rows) {

    /**
     * Every dictionary index seen so far with its word, and the indices in the words' String order.
     * Grows (one sort) when a training part brings indices it has not seen; starts afresh when an
     * index names another word (another workbench's dictionary).
     */
    record WordOrder(String[] wordOf, int[] indexByRank, boolean oneToOne) {
        static final WordOrder EMPTY = new WordOrder(new String[0], new int[0], true);

        /** Whether every index with a word in {@code word} has that same word here. */
        boolean covers(String[] word) {
            if (word.length > wordOf.length) {
                for (int i = wordOf.length; i < word.length; i++) {
                    if (word[i] != null) {
                        return false;
                    }
                }
            }
            for (int i = 0; i < Math.min(word.length, wordOf.length); i++) {
                if (word[i] != null && word[i] != wordOf[i] && !word[i].equals(wordOf[i])) {
                    return false;
                }
            }
            return true;
        }

        /** This order with {@code word}'s indices added, or {@code word}'s alone when some index names another word. */
        WordOrder with(String[] word) {
            String[] merged = Arrays.copyOf(wordOf, Math.max(wordOf.length, word.length));
            for (int i = 0; i < word.length; i++) {
                if (word[i] != null) {
                    if (merged[i] != null && !merged[i].equals(word[i])) {
                        return EMPTY.with(word);
                    }
                    merged[i] = word[i];
                }
            }
            Integer[] order = new Integer[merged.length];
            int n = 0;
            for (int i = 0; i < merged.length; i++) {
                if (merged[i] != null) {
                    order[n++] = i;
                }
            }
            Arrays.sort(order, 0, n, (a, b) -> merged[a].compareTo(merged[b]));
            int[] byRank = new int[n];
            boolean oneToOne = true;
            for (int r = 0; r < n; r++) {
                byRank[r] = order[r];
                oneToOne &= r == 0 || !merged[byRank[r]].equals(merged[byRank[r - 1]]);
            }
            return new WordOrder(merged, byRank, oneToOne);
        }
    }

    private static final AtomicReference<WordOrder> ORDER = new AtomicReference<>(WordOrder.EMPTY);

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
        WordOrder order = ORDER.get();
        if (!order.covers(word)) {
            order = order.with(word);
            ORDER.set(order);
        }
        int n = training.size();
        int[] columnOf = new int[max + 1];
        Arrays.fill(columnOf, -1);
        String[] words = new String[max + 1];
        double[] idf = new double[max + 1];
        int columns = 0;
        for (int index : order.indexByRank()) {
            if (index <= max && df[index] >= minDf && df[index] > 0) {
                if (columns > 0 && words[columns - 1].equals(word[index])) {
                    return byWords(training, minDf); // one word under two indices
                }
                columnOf[index] = columns;
                words[columns] = word[index];
                idf[columns] = Math.log((1.0 + n) / (1.0 + df[index])) + 1.0;
                columns++;
            }
        }
        // the order's words are one to one and hold every training word, so test texts find their columns by index
        TfIdf tfIdf = order.oneToOne()
                ? TfIdf.ofColumns(Arrays.copyOf(words, columns), Arrays.copyOf(idf, columns), columnOf, order.wordOf())
                : TfIdf.ofColumns(Arrays.copyOf(words, columns), Arrays.copyOf(idf, columns));
        return new TrainingMatrix(tfIdf, rows(training, columnOf, Arrays.copyOf(idf, columns)));
    }

    private static TrainingMatrix byWords(List<Example> training, int minDf) {
        TfIdf tfIdf = TfIdf.fit(training, minDf);
        return new TrainingMatrix(tfIdf, SparseRows.of(tfIdf, training));
    }

    /**
     * As {@link SparseRows#of}, through the word ids' columns (the same doubles: each row's counts
     * times idf, summed and scaled in ascending column order): every kept token is listed under its
     * column (rows in order), and reading the columns in order gives each row's columns ascending,
     * with a word's repeats in a row next to each other.
     */
    private static SparseRows rows(List<Example> training, int[] columnOf, double[] idf) {
        int rows = training.size();
        int features = idf.length;
        int[] columnStart = new int[features + 1];
        for (Example e : training) {
            for (int index : e.indices()) {
                int c = columnOf[index];
                if (c >= 0) {
                    columnStart[c + 1]++;
                }
            }
        }
        for (int c = 0; c < features; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        int[] rowOfToken = new int[columnStart[features]];
        int[] fill = Arrays.copyOf(columnStart, features);
        for (int r = 0; r < rows; r++) {
            for (int index : training.get(r).indices()) {
                int c = columnOf[index];
                if (c >= 0) {
                    rowOfToken[fill[c]++] = r;
                }
            }
        }
        // distinct (row, column) pairs per row
        int[] rowStart = new int[rows + 1];
        for (int c = 0; c < features; c++) {
            for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                if (k == columnStart[c] || rowOfToken[k] != rowOfToken[k - 1]) {
                    rowStart[rowOfToken[k] + 1]++;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int nnz = rowStart[rows];
        int[] columns = new int[nnz];
        int[] counts = new int[nnz];
        int[] next = Arrays.copyOf(rowStart, rows);
        for (int c = 0; c < features; c++) {
            for (int k = columnStart[c]; k < columnStart[c + 1]; ) {
                int r = rowOfToken[k];
                int j = k;
                while (j < columnStart[c + 1] && rowOfToken[j] == r) {
                    j++;
                }
                columns[next[r]] = c;
                counts[next[r]++] = j - k;
                k = j;
            }
        }
        double[] values = new double[nnz];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                double v = counts[k] * idf[columns[k]];
                values[k] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int k = rowStart[r]; k < rowStart[r + 1] && norm > 0; k++) {
                values[k] /= norm;
            }
        }
        return new SparseRows(rowStart, columns, values, features);
    }
}
