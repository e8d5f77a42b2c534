package org.signalbench.models.baselines;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.Example;
import org.signalbench.models.TfIdf;
import org.signalbench.models.TrainedModel;

/**
 * The {@code dt}, {@code rf} and {@code svm} baselines on sparse TF-IDF rows ({@link SparseRows})
 * without Tribuo datasets: a CART tree and a Breiman random forest grown by {@link CartBuilder},
 * and LIBLINEAR's dual L2-loss SVM fed straight from the rows ({@link LinearSvm}). Hyperparameters
 * and their meaning are those of {@link Baselines} (docs/models.md); the forest grows its trees on
 * all cores, with the same result for any number of them.
 */
public final class SparseBaseline implements TfIdfBaseline {
    private final String id;
    private final Map<String, Object> hyperparameters;
    private final int threads;

    SparseBaseline(String id, Map<String, Object> hyperparameters, int threads) {
        if (!List.of("dt", "rf", "svm").contains(id)) {
            throw new IllegalArgumentException("no sparse learner for '" + id + "'");
        }
        this.id = id;
        // the documented order (provenance JSON, the app's table)
        this.hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        this.threads = threads;
    }

    /** The same learner growing a forest's trees on {@code threads} threads (the result does not depend on it). */
    SparseBaseline withThreads(int threads) {
        return new SparseBaseline(id, hyperparameters, threads);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return hyperparameters;
    }

    @Override
    public Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        // SignalBench's own learners (decision 0009); the SVM runs LIBLINEAR 2.44's solver
        v.put(learnerKey(id), id.equals("svm") ? "1 (LIBLINEAR 2.44 dual solver)" : "1");
        return v;
    }

    /** The library-versions key a run gets from this learner of {@code id} (dt, rf, svm). */
    static String learnerKey(String id) {
        return id.equals("svm") ? "signalbench-linear-svm" : "signalbench-cart";
    }

    @Override
    public TfIdf features(List<Example> training) {
        return TrainingMatrix.fit(training, minDf()).tfIdf();
    }

    @Override
    public TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context) {
        TrainingMatrix matrix = TrainingMatrix.fit(training, minDf());
        TfIdf tfIdf = matrix.tfIdf();
        SparseRows all = matrix.rows();
        // as with Tribuo (and so in the matrices exported for scikit-learn), texts left without any word are not trained on
        int kept = 0;
        for (int r = 0; r < all.rows(); r++) {
            kept += all.length(r) > 0 ? 1 : 0;
        }
        SparseRows x = kept == all.rows() ? all : nonEmpty(all, kept);
        boolean[] dealer = new boolean[kept];
        for (int r = 0, k = 0; r < all.rows(); r++) {
            if (all.length(r) > 0) {
                dealer[k++] = training.get(r).dealer();
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(id + ": no training text has a word in at least " + minDf() + " texts");
        }
        BaselineModel.Predictor predictor = switch (id) {
            case "dt" -> TreeEnsemble.tree(x, dealer, treeSettings(x.features(), false), seed);
            case "rf" -> TreeEnsemble.forest(x, dealer, treeSettings(x.features(), true), integer("trees"), seed, threads, context);
            default -> LinearSvm.train(x, dealer, real("cost"), real("epsilon"), integer("maxIterations"), seed);
        };
        return new BaselineModel(id, hyperparameters, tfIdf, predictor);
    }

    private static SparseRows nonEmpty(SparseRows all, int kept) {
        int[] rowStart = new int[kept + 1];
        int k = 0;
        for (int r = 0; r < all.rows(); r++) {
            if (all.length(r) > 0) {
                rowStart[k + 1] = rowStart[k] + all.length(r);
                k++;
            }
        }
        // empty rows hold no nonzeros, so the nonzero arrays stay as they are
        return new SparseRows(rowStart, all.columns(), all.values(), all.features());
    }

    /**
     * The tree settings in scikit-learn's terms: minChildWeight (a node holding less is not split) is
     * min_samples_split; a forest tries max(1, floor(sqrt(features))) features per split, or
     * max(1, floor(featureFraction · features)) when featureFraction is above 0; a tree tries all.
     */
    CartBuilder.Settings treeSettings(int features, boolean forest) {
        int tried = features;
        if (forest) {
            double fraction = real("featureFraction");
            tried = fraction > 0 ? (int) (fraction * features) : (int) Math.sqrt(features);
        }
        double minImpurityDecrease = hyperparameters.containsKey("minImpurityDecrease") ? real("minImpurityDecrease") : 0.0;
        return new CartBuilder.Settings(integer("maxDepth"), Math.max(2, (int) Math.ceil(real("minChildWeight"))),
                minImpurityDecrease, Math.max(1, Math.min(features, tried)));
    }

    private int integer(String name) {
        return (Integer) hyperparameters.get(name);
    }

    private double real(String name) {
        return (Double) hyperparameters.get(name);
    }
}
