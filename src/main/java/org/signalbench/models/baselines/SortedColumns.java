package org.signalbench.models.baselines;

/**
 * The nonzeros of sparse rows by column (CSC), each column's entries sorted by value: column f holds
 * rows {@code row[start[f] .. start[f+1])} with values {@code value[...]}, ascending. Built once per
 * training matrix and shared read-only by every tree of a forest: a node's nonzeros of a feature
 * are then read in sorted order by one pass over the column, with no sorting.
 */
record SortedColumns(int[] start, int[] row, double[] value) {

    static SortedColumns of(SparseRows x) {
        int features = x.features();
        int[] start = new int[features + 1];
        for (int c : x.columns()) {
            start[c + 1]++;
        }
        for (int f = 0; f < features; f++) {
            start[f + 1] += start[f];
        }
        int[] cursor = java.util.Arrays.copyOf(start, features);
        int[] row = new int[x.columns().length];
        double[] value = new double[x.columns().length];
        for (int r = 0; r < x.rows(); r++) {
            for (int k = x.rowStart()[r]; k < x.rowStart()[r + 1]; k++) {
                int at = cursor[x.columns()[k]]++;
                row[at] = r;
                value[at] = x.values()[k];
            }
        }
        double[] keys = new double[0];
        int[] items = new int[0];
        for (int f = 0; f < features; f++) {
            int n = start[f + 1] - start[f];
            if (n > 1) {
                if (keys.length < n) {
                    keys = new double[n];
                    items = new int[n];
                }
                System.arraycopy(value, start[f], keys, 0, n);
                System.arraycopy(row, start[f], items, 0, n);
                PairSort.sort(keys, items, n);
                System.arraycopy(keys, 0, value, start[f], n);
                System.arraycopy(items, 0, row, start[f], n);
            }
        }
        return new SortedColumns(start, row, value);
    }

    int length(int feature) {
        return start[feature + 1] - start[feature];
    }
}
