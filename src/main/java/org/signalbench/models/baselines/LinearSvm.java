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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TfIdf;

/**
 * A linear SVM trained by LIBLINEAR (de.bwaldvogel's Java port, the one Tribuo wraps) directly on
 * sparse TF-IDF rows: L2-regularized squared hinge loss solved in the dual (scikit-learn's
 * LinearSVC), with an intercept learned as the weight of an extra feature of value 1 (regularized,
 * as LinearSVC's intercept_scaling = 1 and as Tribuo did). The score is the decision value w·x + b,
 * positive for dealer.
 */
public final class LinearSvm implements BaselineModel.Predictor {
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
        parameter.setRandom(new Random(seed));
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights(); // features + 1 weights: one decision function for two classes
        // the decision function is positive for the model's first label
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] weights = new double[features];
        for (int j = 0; j < features; j++) {
            weights[j] = sign * w[j];
        }
        return new LinearSvm(weights, sign * w[features]);
    }

    /** The decision value of row r: the weights times its nonzeros in column order, plus the intercept. */
    public double decision(SparseRows rows, int r) {
        double sum = 0;
        for (int k = rows.rowStart()[r]; k < rows.rowStart()[r + 1]; k++) {
            sum += weights[rows.columns()[k]] * rows.values()[k];
        }
        return sum + bias;
    }

    @Override
    public List<Scored> score(TfIdf tfIdf, List<Example> examples) {
        SparseRows rows = SparseRows.of(tfIdf, examples);
        List<Scored> scored = new ArrayList<>(examples.size());
        for (int r = 0; r < examples.size(); r++) {
            // a text without a known word scores 0, "not dealer" (docs/models.md), whatever the intercept
            double score = rows.length(r) == 0 ? 0.0 : decision(rows, r);
            scored.add(new Scored(examples.get(r).postId(), score, score > 0));
        }
        return scored;
    }

    @Override
    public String entry() {
        return ENTRY;
    }

    @Override
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(weights.length);
        for (double w : weights) {
            out.writeDouble(w);
        }
        out.writeDouble(bias);
        out.flush();
    }

    static LinearSvm read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a SignalBench linear model");
        }
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
