package org.signalbench.models.baselines;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A linear SVM: L2-regularized squared hinge loss solved in the dual by LIBLINEAR's coordinate
 * descent (scikit-learn's LinearSVC), with an intercept learned as the weight of an extra feature of
 * value 1 (regularized, as LinearSVC's intercept_scaling = 1 and as Tribuo did). The score is the
 * decision value w·x + b, positive for dealer.
 *
 * <p>{@link #train} runs LIBLINEAR 2.44's {@code solve_l2r_l1l2_svc} (L2 loss) on the sparse rows'
 * own arrays ({@link #solve}); {@link #trainWithLiblinear} hands the same rows to de.bwaldvogel's
 * LIBLINEAR (the library Tribuo wraps) as its {@code Feature[][]} and gives bit-for-bit the same
 * weights (tested), but its one object per nonzero made it several times slower than scikit-learn's
 * C LIBLINEAR on the sample (decision 0009).
 */
public final class LinearSvm implements SparsePredictor {
    static final String ENTRY = "signalbench-linear.bin";
    private static final int MAGIC = 0x53424c4e; // "SBLN"

    static {
        Linear.disableDebugOutput();
    }

    private final double[] weights;
    private final double bias;

    LinearSvm(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Trains on the rows; {@code seed} seeds the dual solver's random order of the examples. */
    static LinearSvm train(SparseRows x, boolean[] dealer, double cost, double epsilon, int maxIterations, long seed) {
        return solve(x, dealer, cost, epsilon, maxIterations, seed);
    }

    /**
     * java.util.Random's generator and {@code nextInt(bound)}, without its thread-safe atomic update
     * (the solver draws one number per text and pass): the same numbers for the same seed.
     */
    static final class UnsharedRandom {
        private static final long MULTIPLIER = 0x5DEECE66DL;
        private static final long MASK = (1L << 48) - 1;
        private long seed;

        /** The sequence of {@code new java.util.Random(seed)}. */
        UnsharedRandom(long seed) {
            this.seed = (seed ^ MULTIPLIER) & MASK;
        }

        private int next(int bits) {
            seed = (seed * MULTIPLIER + 0xBL) & MASK;
            return (int) (seed >>> (48 - bits));
        }

        int nextInt(int bound) {
            int r = next(31);
            int m = bound - 1;
            if ((bound & m) == 0) {
                return (int) ((bound * (long) r) >> 31);
            }
            for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
                // rejection, as java.util.Random
            }
            return r;
        }
    }

    /**
     * LIBLINEAR's {@code train} for two classes with {@code L2R_L2LOSS_SVC_DUAL}, on the rows' arrays:
     * the texts grouped by class in the order the classes first occur (the first class is +1), then
     * dual coordinate descent with shrinking, the order of each pass shuffled as LIBLINEAR does with
     * {@code new java.util.Random(seed)}, stopping when the projected gradients are within {@code epsilon} of 0 on all
     * texts or after {@code maxIterations} passes. Every sum runs in LIBLINEAR's order (a row's
     * nonzeros, then the intercept feature), so the weights are LIBLINEAR's to the bit.
     */
    static LinearSvm solve(SparseRows x, boolean[] dealer, double cost, double epsilon, int maxIterations, long seed) {
        UnsharedRandom random = new UnsharedRandom(seed);
        int l = x.rows();
        int features = x.features();
        int[] rowStart = x.rowStart();
        int[] columns = x.columns();
        double[] values = x.values();
        // groupClasses: the first class seen is +1 and its texts come first, each class in the original order
        boolean firstIsDealer = l > 0 && dealer[0];
        int[] perm = new int[l];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < l; r++) {
                if ((dealer[r] == firstIsDealer) == (pass == 0)) {
                    perm[k++] = r;
                }
            }
        }
        byte[] y = new byte[l];
        for (int i = 0; i < l; i++) {
            y[i] = (byte) (dealer[perm[i]] == firstIsDealer ? 1 : -1);
        }
        double diag = 0.5 / cost;
        double[] w = new double[features + 1];
        double[] qd = new double[l];
        double[] alpha = new double[l];
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            int r = perm[i];
            double norm = 0;
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
                norm += values[j] * values[j];
            }
            qd[i] = diag + (norm + 1.0);
            index[i] = i;
        }
        int activeSize = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        while (iteration < maxIterations) {
            double pgMaxNew = Double.NEGATIVE_INFINITY;
            double pgMinNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < activeSize; i++) {
                int j = i + random.nextInt(activeSize - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                int r = perm[i];
                int yi = y[i];
                double dot = 0;
                for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
                    dot += w[columns[j]] * values[j];
                }
                dot += w[features] * 1.0;
                double g = yi * dot - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g; // the L2 loss has no upper bound on alpha
                }
                pgMaxNew = Math.max(pgMaxNew, pg);
                pgMinNew = Math.min(pgMinNew, pg);
                if (Math.abs(pg) > 1.0e-12) {
                    double alphaOld = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - g / qd[i], 0.0), Double.POSITIVE_INFINITY);
                    double d = (alpha[i] - alphaOld) * yi;
                    for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
                        w[columns[j]] += d * values[j];
                    }
                    w[features] += d * 1.0;
                }
            }
            iteration++;
            if (pgMaxNew - pgMinNew <= epsilon && Math.abs(pgMaxNew) <= epsilon && Math.abs(pgMinNew) <= epsilon) {
                if (activeSize == l) {
                    break;
                }
                activeSize = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew <= 0 ? Double.POSITIVE_INFINITY : pgMaxNew;
            pgMinOld = pgMinNew >= 0 ? Double.NEGATIVE_INFINITY : pgMinNew;
        }
        return fromLiblinearWeights(w, features, firstIsDealer);
    }

    /** Positive for dealer: LIBLINEAR's decision function is positive for its first class. */
    private static LinearSvm fromLiblinearWeights(double[] w, int features, boolean firstIsDealer) {
        double sign = firstIsDealer ? 1 : -1;
        double[] weights = new double[features];
        for (int j = 0; j < features; j++) {
            weights[j] = sign * w[j];
        }
        return new LinearSvm(weights, sign * w[features]);
    }

    /** The same training through de.bwaldvogel's LIBLINEAR 2.44 (its Feature[][] built from the rows): the reference for {@link #solve}. */
    static LinearSvm trainWithLiblinear(SparseRows x, boolean[] dealer, double cost, double epsilon, int maxIterations,
                                        Random random) {
        int features = x.features();
        Problem problem = new Problem();
        problem.l = x.rows();
        problem.n = features + 1;
        problem.bias = -1; // the intercept is the explicit last feature below
        problem.y = new double[x.rows()];
        problem.x = new Feature[x.rows()][];
        int[] rowStart = x.rowStart();
        for (int r = 0; r < x.rows(); r++) {
            Feature[] row = new Feature[x.length(r) + 1];
            for (int k = rowStart[r], i = 0; k < rowStart[r + 1]; k++, i++) {
                row[i] = new FeatureNode(x.columns()[k] + 1, x.values()[k]);
            }
            row[row.length - 1] = new FeatureNode(features + 1, 1.0);
            problem.x[r] = row;
            problem.y[r] = dealer[r] ? 1 : 0;
        }
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, cost, epsilon, maxIterations);
        parameter.setRandom(random);
        Model model = Linear.train(problem, parameter);
        // features + 1 weights: one decision function for two classes, positive for the model's first label
        return fromLiblinearWeights(model.getFeatureWeights(), features, model.getLabels()[0] == 1);
    }

    /** The decision value of row r: the weights times its nonzeros in column order, plus the intercept. */
    public double decision(SparseRows rows, int r) {
        double sum = 0;
        for (int k = rows.rowStart()[r]; k < rows.rowStart()[r + 1]; k++) {
            sum += weights[rows.columns()[k]] * rows.values()[k];
        }
        return sum + bias;
    }

    /** The decision value; a row without a known word never comes here, so the intercept alone scores nothing. */
    @Override
    public double rowScore(SparseRows rows, int r) {
        return decision(rows, r);
    }

    @Override
    public String entry() {
        return ENTRY;
    }

    @Override
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = SparsePredictor.startEntry(stream, MAGIC);
        out.writeInt(weights.length);
        for (double w : weights) {
            out.writeDouble(w);
        }
        out.writeDouble(bias);
        out.flush();
    }

    static LinearSvm read(InputStream stream) throws IOException {
        DataInputStream in = SparsePredictor.openEntry(stream, MAGIC, "not a SignalBench linear model");
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("a linear model with " + n + " weights");
        }
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            weights[j] = in.readDouble();
        }
        return new LinearSvm(weights, in.readDouble());
    }

    double[] weights() {
        return Arrays.copyOf(weights, weights.length);
    }
}
