package org.signalbench.models.baselines;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART tree (Gini impurity) on sparse rows, with scikit-learn's rules: a node is split
 * unless it is pure, deeper than {@code maxDepth} or holds fewer than {@code minSamplesSplit}
 * distinct training rows; per node, features are drawn at random without replacement until
 * {@code maxFeatures} have been looked at and at least one of them is not constant in the node
 * (features found constant are not drawn again below it); the split with the lowest weighted Gini
 * of the children wins (the first found on ties), at the midpoint between two neighbouring values;
 * values within 1e-7 of each other count as equal. Row weights are integers: bootstrap counts in a
 * forest, all 1 in a single tree.
 *
 * <p>Why it is fast on TF-IDF: only nonzeros are touched; a node's zeros of a feature form one
 * block whose class weights are the node's minus the nonzeros'. When many features are looked at
 * (a tree, or a small node), one pass over the node's rows' nonzeros sorts them into per-feature
 * lists (a counting sort by column), so a feature absent from the node is known to be constant at
 * once; when few are (a forest's big nodes), each drawn feature is read from its column. Either
 * way a feature's nonzeros in the node come sorted from the value-sorted columns
 * ({@link SortedColumns}, membership by each row's position in the sample array) or, when the
 * column is much longer than the node's share of it, are sorted on the spot. A node costs about its
 * number of nonzeros, not rows × features.
 */
final class CartBuilder {
    /** Settings: scikit-learn's max_depth, min_samples_split, min_impurity_decrease, max_features. */
    record Settings(int maxDepth, int minSamplesSplit, double minImpurityDecrease, int maxFeatures) {
        Settings {
            if (maxDepth < 1 || minSamplesSplit < 2 || maxFeatures < 1 || !(minImpurityDecrease >= 0)) {
                throw new IllegalArgumentException("tree settings out of range: " + this);
            }
        }
    }

    /** Values this close are one value (scikit-learn's FEATURE_THRESHOLD). */
    static final double FEATURE_THRESHOLD = 1e-7;
    private static final double EPSILON = Math.ulp(1.0);

    private final SparseRows x;
    private final SortedColumns byColumn;
    private final boolean[] dealer;
    private final int[] weight;
    private final Settings settings;
    private final SplittableRandom random;
    private final int featureCount;

    // scratch, reused by every node
    private final int[] count;
    private final int[] bucketStart;
    private final int[] cursor;
    private final int[] touched;
    private final int[] bucketRow;
    private final double[] bucketValue;
    private final int[] mark;
    private int stamp;
    /** Position of each row in the samples array (-1: not in the tree's sample), kept up to date by partition. */
    private final int[] positionOf;
    private final double averageColumnLength;
    private final int[] features;
    private final int[] constantFeatures;
    private double[] sortValue;
    private int[] sortRow;

    // the tree being grown
    private int nodes;
    private int[] nodeFeature = new int[64];
    private double[] nodeThreshold = new double[64];
    private int[] nodeLeft = new int[64];
    private int[] nodeRight = new int[64];
    private double[] nodeDealer = new double[64];

    private CartBuilder(SparseRows x, SortedColumns byColumn, boolean[] dealer, int[] weight, Settings settings,
                        SplittableRandom random) {
        this.x = x;
        this.byColumn = byColumn;
        this.dealer = dealer;
        this.weight = weight;
        this.settings = settings;
        this.random = random;
        this.featureCount = x.features();
        count = new int[featureCount];
        bucketStart = new int[featureCount];
        cursor = new int[featureCount];
        touched = new int[featureCount];
        bucketRow = new int[x.columns().length];
        bucketValue = new double[x.columns().length];
        mark = new int[x.rows()];
        positionOf = new int[x.rows()];
        averageColumnLength = (double) x.columns().length / Math.max(1, featureCount);
        features = new int[featureCount];
        for (int f = 0; f < featureCount; f++) {
            features[f] = f;
        }
        constantFeatures = new int[featureCount];
        sortValue = new double[64];
        sortRow = new int[64];
    }

    /**
     * Grows a tree on the rows with a positive weight ({@code weight[r]} copies of row r).
     * {@code dealer[r]} is row r's class.
     */
    static CartTree grow(SparseRows x, boolean[] dealer, int[] weight, Settings settings, SplittableRandom random) {
        return grow(x, SortedColumns.of(x), dealer, weight, settings, random);
    }

    /** As above, with the rows' sorted columns already built (a forest builds them once for all its trees). */
    static CartTree grow(SparseRows x, SortedColumns byColumn, boolean[] dealer, int[] weight, Settings settings,
                         SplittableRandom random) {
        if (dealer.length != x.rows() || weight.length != x.rows()) {
            throw new IllegalArgumentException("labels, weights and rows differ in number");
        }
        return new CartBuilder(x, byColumn, dealer, weight, settings, random).grow();
    }

    private record Pending(int start, int end, int depth, int parent, boolean isLeft, int knownConstants) {
    }

    private CartTree grow() {
        int[] samples = new int[x.rows()];
        int n = 0;
        double rootWeight = 0;
        for (int r = 0; r < x.rows(); r++) {
            positionOf[r] = -1;
            if (weight[r] > 0) {
                positionOf[r] = n;
                samples[n++] = r;
                rootWeight += weight[r];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(0, n, 0, -1, false, 0));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            double w = 0;
            double pos = 0;
            for (int i = p.start(); i < p.end(); i++) {
                int r = samples[i];
                w += weight[r];
                pos += dealer[r] ? weight[r] : 0;
            }
            int id = addNode(pos / w);
            if (p.parent() >= 0) {
                (p.isLeft() ? nodeLeft : nodeRight)[p.parent()] = id;
            }
            int size = p.end() - p.start();
            double impurity = gini(pos, w);
            if (p.depth() >= settings.maxDepth() || size < settings.minSamplesSplit() || size < 2 || impurity <= EPSILON) {
                continue;
            }
            Split split = bestSplit(samples, p.start(), p.end(), w, pos, p.knownConstants());
            if (split == null) {
                continue;
            }
            double improvement = w / rootWeight * (impurity - split.weightRight / w * split.impurityRight
                    - split.weightLeft / w * split.impurityLeft);
            if (improvement + EPSILON < settings.minImpurityDecrease()) {
                continue;
            }
            int middle = partition(samples, p.start(), p.end(), split);
            nodeFeature[id] = split.feature;
            nodeThreshold[id] = split.threshold;
            stack.push(new Pending(middle, p.end(), p.depth() + 1, id, false, split.constants));
            stack.push(new Pending(p.start(), middle, p.depth() + 1, id, true, split.constants));
        }
        return new CartTree(Arrays.copyOf(nodeFeature, nodes), Arrays.copyOf(nodeThreshold, nodes),
                Arrays.copyOf(nodeLeft, nodes), Arrays.copyOf(nodeRight, nodes), Arrays.copyOf(nodeDealer, nodes));
    }

    static double gini(double dealerWeight, double totalWeight) {
        double other = totalWeight - dealerWeight;
        return 1.0 - (dealerWeight * dealerWeight + other * other) / (totalWeight * totalWeight);
    }

    private int addNode(double dealerFraction) {
        if (nodes == nodeFeature.length) {
            int size = nodes * 2;
            nodeFeature = Arrays.copyOf(nodeFeature, size);
            nodeThreshold = Arrays.copyOf(nodeThreshold, size);
            nodeLeft = Arrays.copyOf(nodeLeft, size);
            nodeRight = Arrays.copyOf(nodeRight, size);
            nodeDealer = Arrays.copyOf(nodeDealer, size);
        }
        nodeFeature[nodes] = CartTree.LEAF;
        nodeThreshold[nodes] = 0;
        nodeLeft[nodes] = -1;
        nodeRight[nodes] = -1;
        nodeDealer[nodes] = dealerFraction;
        return nodes++;
    }

    /** The chosen split of a node: feature, threshold, the children's weights and impurities, the constants known below. */
    private static final class Split {
        int feature = -1;
        double threshold;
        double proxy = Double.NEGATIVE_INFINITY;
        double weightLeft;
        double dealerLeft;
        double weightRight;
        double impurityLeft;
        double impurityRight;
        int constants;
    }

    /** Sorts the node's nonzeros into per-feature lists; returns the number of features present. */
    private int bucket(int[] samples, int start, int end) {
        int[] rowStart = x.rowStart();
        int[] columns = x.columns();
        int present = 0;
        for (int i = start; i < end; i++) {
            int r = samples[i];
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int f = columns[k];
                if (count[f]++ == 0) {
                    touched[present++] = f;
                }
            }
        }
        int offset = 0;
        for (int t = 0; t < present; t++) {
            int f = touched[t];
            bucketStart[f] = offset;
            cursor[f] = offset;
            offset += count[f];
        }
        double[] values = x.values();
        for (int i = start; i < end; i++) {
            int r = samples[i];
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int at = cursor[columns[k]]++;
                bucketRow[at] = r;
                bucketValue[at] = values[k];
            }
        }
        return present;
    }

    private void clearBuckets(int present) {
        for (int t = 0; t < present; t++) {
            count[touched[t]] = 0;
        }
    }

    /** scikit-learn's node_split: draws features as described in the class comment and keeps the best split. */
    private Split bestSplit(int[] samples, int start, int end, double w, double pos, int knownConstants) {
        int size = end - start;
        long nonzeros = 0;
        for (int i = start; i < end; i++) {
            nonzeros += x.length(samples[i]);
        }
        // Bucketing all the node's nonzeros pays when many features are looked at (a tree, or a small node);
        // a forest's big nodes read only their few drawn features from the sorted columns.
        double perFeature = Math.min(averageColumnLength, 4.0 * size);
        boolean bucketed = settings.maxFeatures() * perFeature >= nonzeros;
        int present = bucketed ? bucket(samples, start, end) : 0;
        this.bucketed = bucketed;
        Split best = new Split();
        int foundConstants = 0;
        int drawnConstants = 0;
        int totalConstants = knownConstants;
        int visited = 0;
        int fi = featureCount;
        while (fi > totalConstants
                && (visited < settings.maxFeatures() || visited <= foundConstants + drawnConstants)) {
            visited++;
            int fj = drawnConstants + random.nextInt(fi - foundConstants - drawnConstants);
            if (fj < knownConstants) {
                swap(features, drawnConstants, fj);
                drawnConstants++;
                continue;
            }
            fj += foundConstants;
            int f = features[fj];
            if (!scan(f, samples, start, end, w, pos, best)) {
                swap(features, fj, totalConstants);
                foundConstants++;
                totalConstants++;
                continue;
            }
            fi--;
            swap(features, fi, fj);
        }
        // the constants known from above go back in front, followed by the ones found here (scikit-learn's bookkeeping)
        System.arraycopy(constantFeatures, 0, features, 0, knownConstants);
        System.arraycopy(features, knownConstants, constantFeatures, knownConstants, foundConstants);
        clearBuckets(present);
        if (best.feature < 0) {
            return null;
        }
        best.constants = totalConstants;
        best.weightRight = w - best.weightLeft;
        best.impurityLeft = gini(best.dealerLeft, best.weightLeft);
        best.impurityRight = gini(pos - best.dealerLeft, best.weightRight);
        return best;
    }

    /** Whether the current node's nonzeros are bucketed by feature (else features are read from the columns). */
    private boolean bucketed;

    private void ensureSortCapacity(int k) {
        if (sortValue.length < k) {
            sortValue = new double[Math.max(k, 2 * sortValue.length)];
            sortRow = new int[sortValue.length];
        }
    }

    /**
     * The node's nonzeros of feature f, sorted by value, into sortValue/sortRow; returns how many. Reads
     * the value-sorted column (no sorting) when it is short enough, else sorts the bucket (bucketed
     * node) or the values found by looking f up in each of the node's rows.
     */
    private int extract(int f, int[] samples, int start, int end) {
        int size = end - start;
        int columnLength = byColumn.length(f);
        int k;
        if (bucketed) {
            k = count[f];
            if (k == 0) {
                return 0;
            }
            if (columnLength > 3.0 * k * (1 + Math.log(k) / Math.log(2))) {
                ensureSortCapacity(k);
                System.arraycopy(bucketValue, bucketStart[f], sortValue, 0, k);
                System.arraycopy(bucketRow, bucketStart[f], sortRow, 0, k);
                PairSort.sort(sortValue, sortRow, k);
                return k;
            }
        } else if (columnLength > 4.0 * size) {
            ensureSortCapacity(size);
            k = 0;
            for (int i = start; i < end; i++) {
                int r = samples[i];
                double v = x.value(r, f);
                if (v != 0.0) {
                    sortRow[k] = r;
                    sortValue[k++] = v;
                }
            }
            PairSort.sort(sortValue, sortRow, k);
            return k;
        }
        ensureSortCapacity(Math.min(columnLength, size));
        int[] rows = byColumn.row();
        double[] values = byColumn.value();
        k = 0;
        for (int j = byColumn.start()[f], stop = byColumn.start()[f + 1]; j < stop; j++) {
            int p = positionOf[rows[j]];
            if (p >= start && p < end) {
                sortRow[k] = rows[j];
                sortValue[k++] = values[j];
            }
        }
        return k;
    }

    /**
     * Scans every threshold of feature f in the node (nonzeros sorted, the zeros one block between
     * the negative and the positive values) and updates {@code best}; false when f is constant here.
     */
    private boolean scan(int f, int[] samples, int start, int end, double w, double pos, Split best) {
        int size = end - start;
        int k = extract(f, samples, start, end);
        if (k == 0) {
            return false;
        }
        int zeros = size - k;
        double min = zeros > 0 ? Math.min(0.0, sortValue[0]) : sortValue[0];
        double max = zeros > 0 ? Math.max(0.0, sortValue[k - 1]) : sortValue[k - 1];
        if (max <= min + FEATURE_THRESHOLD) {
            return false;
        }
        double zeroWeight = w;
        double zeroDealer = pos;
        for (int i = 0; i < k; i++) {
            int r = sortRow[i];
            zeroWeight -= weight[r];
            zeroDealer -= dealer[r] ? weight[r] : 0;
        }
        double weightLeft = 0;
        double dealerLeft = 0;
        double previous = 0;
        boolean first = true;
        boolean zerosDone = zeros == 0;
        int i = 0;
        while (i < k || !zerosDone) {
            double v;
            double itemWeight;
            double itemDealer;
            if (!zerosDone && (i == k || sortValue[i] > 0)) {
                v = 0.0;
                itemWeight = zeroWeight;
                itemDealer = zeroDealer;
                zerosDone = true;
            } else {
                v = sortValue[i];
                int r = sortRow[i];
                itemWeight = weight[r];
                itemDealer = dealer[r] ? weight[r] : 0;
                i++;
            }
            if (!first && v > previous + FEATURE_THRESHOLD) {
                double weightRight = w - weightLeft;
                double dealerRight = pos - dealerLeft;
                double otherLeft = weightLeft - dealerLeft;
                double otherRight = weightRight - dealerRight;
                double proxy = (dealerLeft * dealerLeft + otherLeft * otherLeft) / weightLeft
                        + (dealerRight * dealerRight + otherRight * otherRight) / weightRight;
                if (proxy > best.proxy) {
                    best.proxy = proxy;
                    best.feature = f;
                    double threshold = previous / 2.0 + v / 2.0;
                    best.threshold = threshold == v || Double.isInfinite(threshold) ? previous : threshold;
                    best.weightLeft = weightLeft;
                    best.dealerLeft = dealerLeft;
                }
            }
            weightLeft += itemWeight;
            dealerLeft += itemDealer;
            previous = v;
            first = false;
        }
        return true;
    }

    /** Moves the node's rows that go left (value at most the threshold) before those that go right; returns the boundary. */
    private int partition(int[] samples, int start, int end, Split split) {
        stamp++;
        boolean zerosLeft = 0.0 <= split.threshold;
        // mark the rows whose side differs from the zeros' side: only nonzeros can
        bucketed = false;
        int present = extract(split.feature, samples, start, end);
        for (int i = 0; i < present; i++) {
            boolean left = sortValue[i] <= split.threshold;
            if (left != zerosLeft) {
                mark[sortRow[i]] = stamp;
            }
        }
        int lo = start;
        int hi = end - 1;
        while (lo <= hi) {
            boolean left = (mark[samples[lo]] == stamp) != zerosLeft;
            if (left) {
                lo++;
            } else {
                int t = samples[lo];
                samples[lo] = samples[hi];
                samples[hi] = t;
                hi--;
            }
        }
        for (int i = start; i < end; i++) {
            positionOf[samples[i]] = i;
        }
        return lo;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
