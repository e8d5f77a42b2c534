package org.signalbench.models.baselines;

/**
 * Sorts a prefix of a double array ascending and moves an int array along with it (three-way
 * quicksort, so the many equal TF-IDF values of a column cost nothing extra; insertion sort for
 * short runs). Allocation-free: the tree learner calls it for every feature of every node.
 */
final class PairSort {
    private static final int INSERTION = 16;

    private PairSort() {
    }

    static void sort(double[] keys, int[] items, int length) {
        sort(keys, items, 0, length - 1);
    }

    private static void sort(double[] keys, int[] items, int lo, int hi) {
        while (hi - lo >= INSERTION) {
            double pivot = median(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double k = keys[i];
                if (k < pivot) {
                    swap(keys, items, lt++, i++);
                } else if (k > pivot) {
                    swap(keys, items, i, gt--);
                } else {
                    i++;
                }
            }
            // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
            if (lt - lo < hi - gt) {
                sort(keys, items, lo, lt - 1);
                lo = gt + 1;
            } else {
                sort(keys, items, gt + 1, hi);
                hi = lt - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double k = keys[i];
            int item = items[i];
            int j = i - 1;
            while (j >= lo && keys[j] > k) {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }
            keys[j + 1] = k;
            items[j + 1] = item;
        }
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] keys, int[] items, int i, int j) {
        double k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}
