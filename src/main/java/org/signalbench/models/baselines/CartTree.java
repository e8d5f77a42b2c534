package org.signalbench.models.baselines;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A trained CART tree over sparse TF-IDF columns, as flat arrays. Node 0 is the root; an inner node
 * sends a row left when its value of {@code feature} (0 when absent) is at most {@code threshold}
 * (scikit-learn's rule); a leaf ({@code feature} = -1) holds the weighted fraction of dealer
 * training texts that reached it, which is the tree's probability of "dealer" (scikit-learn's
 * {@code predict_proba}).
 */
public record CartTree(int[] feature, double[] threshold, int[] left, int[] right, double[] dealerFraction) {
    static final int LEAF = -1;

    /** Number of nodes. */
    public int nodes() {
        return feature.length;
    }

    /** Number of leaves. */
    public int leaves() {
        int n = 0;
        for (int f : feature) {
            n += f == LEAF ? 1 : 0;
        }
        return n;
    }

    /** Depth of the deepest leaf (the root alone: 0). */
    public int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return feature[node] == LEAF ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /** The dealer fraction of the leaf that row {@code r} of {@code rows} reaches. */
    public double dealerProbability(SparseRows rows, int r) {
        int node = 0;
        while (feature[node] != LEAF) {
            node = rows.value(r, feature[node]) <= threshold[node] ? left[node] : right[node];
        }
        return dealerFraction[node];
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(nodes());
        for (int i = 0; i < nodes(); i++) {
            out.writeInt(feature[i]);
            out.writeDouble(threshold[i]);
            out.writeInt(left[i]);
            out.writeInt(right[i]);
            out.writeDouble(dealerFraction[i]);
        }
    }

    /** Reads what {@link #write} wrote, checking that every child index points inside the tree. */
    static CartTree read(DataInput in, int features) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > 1 << 28) {
            throw new IOException("a tree with " + n + " nodes");
        }
        CartTree t = new CartTree(new int[n], new double[n], new int[n], new int[n], new double[n]);
        for (int i = 0; i < n; i++) {
            t.feature[i] = in.readInt();
            t.threshold[i] = in.readDouble();
            t.left[i] = in.readInt();
            t.right[i] = in.readInt();
            t.dealerFraction[i] = in.readDouble();
            boolean leaf = t.feature[i] == LEAF;
            if (!leaf && (t.feature[i] < 0 || t.feature[i] >= features || t.left[i] <= i || t.left[i] >= n
                    || t.right[i] <= i || t.right[i] >= n)) {
                throw new IOException("node " + i + " of a tree points outside it (feature " + t.feature[i] + ", children "
                        + t.left[i] + ", " + t.right[i] + ")");
            }
        }
        return t;
    }
}
