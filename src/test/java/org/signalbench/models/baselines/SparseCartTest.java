package org.signalbench.models.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.signalbench.jobs.JobContext;

/** The sparse CART learner against brute-force dense computations, and the forest's determinism. */
class SparseCartTest {
    /** A random sparse matrix: each cell nonzero with probability {@code density}, values from a few levels (so ties occur), some negative. */
    private static double[][] randomDense(Random random, int rows, int features, double density, boolean negatives) {
        double[][] dense = new double[rows][features];
        for (double[] row : dense) {
            for (int f = 0; f < features; f++) {
                if (random.nextDouble() < density) {
                    double v = (1 + random.nextInt(6)) / 6.0;
                    row[f] = negatives && random.nextInt(4) == 0 ? -v : v;
                }
            }
        }
        return dense;
    }

    private static SparseRows sparse(double[][] dense) {
        int features = dense[0].length;
        int[] rowStart = new int[dense.length + 1];
        List<Integer> columns = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < dense.length; r++) {
            for (int f = 0; f < features; f++) {
                if (dense[r][f] != 0) {
                    columns.add(f);
                    values.add(dense[r][f]);
                }
            }
            rowStart[r + 1] = columns.size();
        }
        return new SparseRows(rowStart, columns.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray(), features);
    }

    /** Weighted Gini of the two children of splitting on feature f at threshold t (left: value <= t). */
    private static double childrenGini(double[][] dense, boolean[] dealer, int[] weight, int f, double t) {
        double wl = 0, pl = 0, wr = 0, pr = 0;
        for (int r = 0; r < dense.length; r++) {
            if (weight[r] == 0) {
                continue;
            }
            if (dense[r][f] <= t) {
                wl += weight[r];
                pl += dealer[r] ? weight[r] : 0;
            } else {
                wr += weight[r];
                pr += dealer[r] ? weight[r] : 0;
            }
        }
        if (wl == 0 || wr == 0) {
            return Double.NaN;
        }
        return (wl * CartBuilder.gini(pl, wl) + wr * CartBuilder.gini(pr, wr)) / (wl + wr);
    }

    /** The lowest children Gini over every feature and every midpoint between two distinct values present, dense. */
    private static double bruteForceBest(double[][] dense, boolean[] dealer, int[] weight) {
        double best = Double.POSITIVE_INFINITY;
        for (int f = 0; f < dense[0].length; f++) {
            double[] values = new double[dense.length];
            int n = 0;
            for (int r = 0; r < dense.length; r++) {
                if (weight[r] > 0) {
                    values[n++] = dense[r][f];
                }
            }
            double[] sorted = Arrays.stream(Arrays.copyOf(values, n)).sorted().distinct().toArray();
            for (int i = 1; i < sorted.length; i++) {
                double g = childrenGini(dense, dealer, weight, f, (sorted[i - 1] + sorted[i]) / 2);
                best = Math.min(best, g);
            }
        }
        return best;
    }

    @Test
    void rootSplitHasTheLowestGiniOfEverySplitDenseBruteForceFinds() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 5 + random.nextInt(60);
            int features = 1 + random.nextInt(15);
            double[][] dense = randomDense(random, rows, features, 0.05 + random.nextDouble() * 0.5, trial % 3 == 0);
            boolean[] dealer = new boolean[rows];
            int[] weight = new int[rows];
            for (int r = 0; r < rows; r++) {
                dealer[r] = random.nextInt(3) == 0;
                weight[r] = trial % 2 == 0 ? 1 : random.nextInt(4); // odd trials: bootstrap-like counts, some 0
            }
            double expected = bruteForceBest(dense, dealer, weight);
            long distinctRows = 0;
            double w = 0, pos = 0;
            for (int r = 0; r < rows; r++) {
                distinctRows += weight[r] > 0 ? 1 : 0;
                w += weight[r];
                pos += dealer[r] ? weight[r] : 0;
            }
            CartTree tree = CartBuilder.grow(sparse(dense), dealer, weight,
                    new CartBuilder.Settings(1, 2, 0.0, features), new SplittableRandom(trial));
            boolean splittable = Double.isFinite(expected) && distinctRows >= 2 && pos > 0 && pos < w;
            if (!splittable) {
                assertEquals(1, tree.nodes(), "trial " + trial + ": nothing to split, a single leaf");
                continue;
            }
            assertEquals(3, tree.nodes(), "trial " + trial + ": depth 1 gives a root and two leaves");
            double chosen = childrenGini(dense, dealer, weight, tree.feature()[0], tree.threshold()[0]);
            assertEquals(expected, chosen, 1e-12, "trial " + trial + ": the chosen split is a best one");
            assertEquals(pos / w, tree.dealerFraction()[0], 1e-15);
        }
    }

    @Test
    void fullyGrownTreeHasNoTrainingErrorOnSeparableData() {
        Random random = new Random(3);
        double[][] dense = randomDense(random, 300, 40, 0.08, false);
        // distinct rows make any labelling separable
        Set<String> seen = new HashSet<>();
        List<double[]> distinct = new ArrayList<>();
        for (double[] row : dense) {
            if (seen.add(Arrays.toString(row))) {
                distinct.add(row);
            }
        }
        double[][] rows = distinct.toArray(new double[0][]);
        boolean[] dealer = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
            dealer[r] = random.nextBoolean();
        }
        SparseRows x = sparse(rows);
        // all 40 features per split (a tree: nonzeros bucketed per node), and 3 (a forest's trees: big nodes read
        // their drawn features from the sorted columns)
        for (int tried : new int[] {40, 3}) {
            TreeEnsemble tree = TreeEnsemble.tree(x, dealer, new CartBuilder.Settings(Integer.MAX_VALUE, 2, 0.0, tried), 1);
            for (int r = 0; r < rows.length; r++) {
                double p = tree.dealerProbability(x, r);
                assertEquals(dealer[r] ? 1.0 : 0.0, p, tried + " features tried: row " + r + " sits in a pure leaf of its class");
            }
            assertTrue(tree.trees().get(0).leaves() > 20, "random labels need many leaves");
        }
    }

    @Test
    void forestIsTheSameForAnyNumberOfThreadsAndDiffersWithTheSeed() {
        Random random = new Random(11);
        double[][] dense = randomDense(random, 400, 60, 0.1, false);
        boolean[] dealer = new boolean[dense.length];
        for (int r = 0; r < dense.length; r++) {
            dealer[r] = dense[r][0] + dense[r][1] > 0.3 || random.nextInt(10) == 0;
        }
        SparseRows x = sparse(dense);
        CartBuilder.Settings settings = new CartBuilder.Settings(Integer.MAX_VALUE, 2, 0.0, (int) Math.sqrt(60));
        TreeEnsemble one = TreeEnsemble.forest(x, dealer, settings, 24, 5, 1, JobContext.NONE);
        for (int threads : new int[] {2, 3, 8}) {
            TreeEnsemble many = TreeEnsemble.forest(x, dealer, settings, 24, 5, threads, JobContext.NONE);
            for (int t = 0; t < 24; t++) {
                CartTree a = one.trees().get(t);
                CartTree b = many.trees().get(t);
                assertArrayEquals(a.feature(), b.feature(), threads + " threads, tree " + t);
                assertArrayEquals(a.threshold(), b.threshold());
                assertArrayEquals(a.left(), b.left());
                assertArrayEquals(a.dealerFraction(), b.dealerFraction());
            }
        }
        TreeEnsemble other = TreeEnsemble.forest(x, dealer, settings, 24, 6, 2, JobContext.NONE);
        assertNotEquals(Arrays.toString(one.trees().get(0).feature()), Arrays.toString(other.trees().get(0).feature()),
                "another seed, other bootstrap samples and feature draws");
        double[] p = new double[dense.length];
        for (int r = 0; r < dense.length; r++) {
            p[r] = one.dealerProbability(x, r);
        }
        assertTrue(Arrays.stream(p).distinct().count() > 10, "mean leaf fractions over 24 trees vary");
    }

    @Test
    void pairSortSortsAndKeepsPairs() {
        Random random = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(200);
            double[] keys = new double[n];
            int[] items = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = random.nextInt(1 + random.nextInt(20)) / 3.0;
                items[i] = i;
            }
            double[] original = keys.clone();
            PairSort.sort(keys, items, n);
            double[] expected = original.clone();
            Arrays.sort(expected);
            assertArrayEquals(expected, keys);
            for (int i = 0; i < n; i++) {
                assertEquals(original[items[i]], keys[i]);
            }
        }
    }
}
