package org.signalbench.models.baselines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.signalbench.jobs.CancelledException;
import org.signalbench.jobs.JobContext;

/**
 * A decision tree (one tree) or a random forest (Breiman's: every tree grown fully on its own
 * bootstrap sample, trying a random subset of the features per split) over sparse TF-IDF rows. The
 * dealer probability of a text is its leaf's dealer fraction, averaged over the trees in their order
 * (scikit-learn's {@code predict_proba}); its score is that probability minus the other class's,
 * so a text is "dealer" when the score is above 0 (the probability above one half).
 */
public final class TreeEnsemble implements SparsePredictor {
    static final String ENTRY = "signalbench-trees.bin";
    private static final int MAGIC = 0x53425452; // "SBTR"

    private final List<CartTree> trees;
    private final int features;

    TreeEnsemble(List<CartTree> trees, int features) {
        this.trees = List.copyOf(trees);
        this.features = features;
    }

    public List<CartTree> trees() {
        return trees;
    }

    /** One CART tree on every row (weight 1), random feature order from {@code seed}. */
    static TreeEnsemble tree(SparseRows x, boolean[] dealer, CartBuilder.Settings settings, long seed) {
        int[] ones = new int[x.rows()];
        java.util.Arrays.fill(ones, 1);
        return new TreeEnsemble(List.of(CartBuilder.grow(x, dealer, ones, settings, new SplittableRandom(seed))), x.features());
    }

    /**
     * A forest of {@code count} trees, each on a bootstrap sample (as many draws with replacement as
     * rows) with its own random stream: tree t uses the t-th number of {@code SplittableRandom(seed)},
     * so the forest is the same whatever {@code threads} (the number of trees grown at once).
     */
    static TreeEnsemble forest(SparseRows x, boolean[] dealer, CartBuilder.Settings settings, int count, long seed,
                               int threads, JobContext context) {
        SplittableRandom seeds = new SplittableRandom(seed);
        long[] treeSeeds = new long[count];
        for (int t = 0; t < count; t++) {
            treeSeeds[t] = seeds.nextLong();
        }
        CartTree[] grown = new CartTree[count];
        int n = x.rows();
        SortedColumns byColumn = SortedColumns.of(x);
        Runnable work = () -> IntStream.range(0, count).parallel().forEach(t -> {
            if (context.isCancelled()) {
                throw new CancelledException();
            }
            SplittableRandom random = new SplittableRandom(treeSeeds[t]);
            int[] drawn = new int[n];
            for (int i = 0; i < n; i++) {
                drawn[random.nextInt(n)]++;
            }
            grown[t] = CartBuilder.grow(x, byColumn, dealer, drawn, settings, random);
        });
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return new TreeEnsemble(List.of(grown), x.features());
    }

    /** The mean over the trees of row r's leaf dealer fraction. */
    public double dealerProbability(SparseRows rows, int r) {
        double sum = 0;
        for (CartTree t : trees) {
            sum += t.dealerProbability(rows, r);
        }
        return sum / trees.size();
    }

    /** The dealer probability minus the other class's. */
    @Override
    public double rowScore(SparseRows rows, int r) {
        double p = dealerProbability(rows, r);
        return p - (1.0 - p);
    }

    @Override
    public String entry() {
        return ENTRY;
    }

    @Override
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = SparsePredictor.startEntry(stream, MAGIC);
        out.writeInt(features);
        out.writeInt(trees.size());
        for (CartTree t : trees) {
            t.write(out);
        }
        out.flush();
    }

    static TreeEnsemble read(InputStream stream) throws IOException {
        DataInputStream in = SparsePredictor.openEntry(stream, MAGIC, "not a SignalBench tree file");
        int features = in.readInt();
        int count = in.readInt();
        if (features < 0 || count < 1) {
            throw new IOException(count + " trees over " + features + " features");
        }
        List<CartTree> trees = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            trees.add(CartTree.read(in, features));
        }
        return new TreeEnsemble(trees, features);
    }
}
