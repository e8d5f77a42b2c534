package org.signalbench.models.baselines;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signalbench.models.ModelTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.tree.RandomForestTrainer;

/**
 * The study's baselines with their default hyperparameters (docs/models.md lists them and why).
 * {@code dt}, {@code rf} and {@code svm} are SignalBench's sparse learners ({@link SparseBaseline},
 * decision 0009); {@code libsvm} and the earlier Tribuo learners, kept as {@code tribuo-dt},
 * {@code tribuo-rf} and {@code tribuo-svm} (same hyperparameters) so that earlier runs can be
 * repeated, go through Tribuo ({@link TribuoBaseline}):
 * <ul>
 * <li>{@code dt}: CART decision tree, Gini impurity, unlimited depth, minChildWeight 5 (a node
 * holding fewer than 5 texts is not split: scikit-learn's min_samples_split).</li>
 * <li>{@code rf}: random forest of 100 such trees on bootstrap samples, each split drawing
 * sqrt(features) of the features (featureFraction 0 means that rule); the score is the mean of the
 * trees' leaf fractions (the Tribuo forest, tribuo-rf, takes a majority vote).</li>
 * <li>{@code svm}: linear SVM with LIBLINEAR, L2-regularized squared hinge loss solved in the dual
 * (the solver of scikit-learn's LinearSVC), cost 1, tolerance 0.1, at most 1000 iterations.</li>
 * <li>{@code libsvm}: LIBSVM C-SVC with an RBF kernel, cost 1, gamma 1: scikit-learn's default
 * gamma "scale" is 1 / (features · Var(X)), and for unit-length TF-IDF rows features · Var(X) is just
 * under 1. (gamma 0 means 1/features, LIBSVM's own default, which on thousands of TF-IDF features
 * makes the kernel nearly flat: on the sample every post was predicted "not dealer".)</li>
 * </ul>
 */
public final class Baselines {
    public static final List<String> IDS = List.of("dt", "rf", "svm", "libsvm");
    /** The Tribuo learners dt, rf and svm used before decision 0009 (not offered in the app; by id only). */
    public static final List<String> TRIBUO_IDS = List.of("tribuo-dt", "tribuo-rf", "tribuo-svm");
    private static final String TRIBUO_PREFIX = "tribuo-";
    /** Every baseline's document-frequency floor of its TF-IDF features (see {@link org.signalbench.models.TfIdf}). */
    static final String MIN_DF = "minDf";
    /**
     * Each hyperparameter added after baseline runs were first stored, with the value that reproduces
     * how a run stored without it ran: minDf 1 (every word a feature; the trees' floor 5 came later).
     * A run stored without it resumes with this (docs/models.md, "Resume").
     */
    public static final Map<String, String> BEFORE_ADDED = Map.of(MIN_DF, "1");

    static {
        // LIBSVM prints its optimizer's progress to standard output, where results (JSON) go.
        libsvm.svm.svm_set_print_string_function(text -> { });
    }

    private Baselines() {
    }

    /** Whether {@link #create} knows the id: one of {@link #IDS} or {@link #TRIBUO_IDS}. */
    public static boolean isBaseline(String id) {
        return IDS.contains(id) || TRIBUO_IDS.contains(id);
    }

    static Map<String, Object> defaults(String id) {
        Map<String, Object> d = new LinkedHashMap<>();
        String learner = id.startsWith(TRIBUO_PREFIX) ? id.substring(TRIBUO_PREFIX.length()) : id;
        switch (learner) {
            case "dt" -> {
                d.put("maxDepth", Integer.MAX_VALUE);
                d.put("minChildWeight", 5.0);
                d.put("minImpurityDecrease", 0.0);
            }
            case "rf" -> {
                d.put("trees", 100);
                d.put("maxDepth", Integer.MAX_VALUE);
                d.put("minChildWeight", 5.0);
                d.put("featureFraction", 0.0);
            }
            case "svm" -> {
                d.put("cost", 1.0);
                d.put("epsilon", 0.1);
                d.put("maxIterations", 1000);
            }
            case "libsvm" -> {
                d.put("kernel", "rbf");
                d.put("cost", 1.0);
                d.put("gamma", 1.0);
            }
            default -> throw new IllegalArgumentException("unknown baseline '" + id + "'");
        }
        // Trees: words in fewer than 5 training texts can hardly make a split of a node of 5 (the floor was
        // brought in for Tribuo's CART, whose time grows with the features; docs/models.md); SVMs keep every word.
        d.put(MIN_DF, learner.equals("dt") || learner.equals("rf") ? 5 : 1);
        return d;
    }

    /** A trainer for one of {@link #IDS} or {@link #TRIBUO_IDS} with these hyperparameter overrides (name → text). */
    public static ModelTrainer create(String id, Map<String, String> overrides) {
        Map<String, Object> p = parameters(id, overrides);
        if (IDS.contains(id) && !id.equals("libsvm")) {
            return new SparseBaseline(id, p, Runtime.getRuntime().availableProcessors());
        }
        return new TribuoBaseline(id, p, factory(id.startsWith(TRIBUO_PREFIX) ? id.substring(TRIBUO_PREFIX.length()) : id, p));
    }

    /**
     * The trainer a stored run's folds of {@code id} were trained with: as {@link #create}, except that
     * dt, rf and svm of a run stored before decision 0009 (its library versions name no sparse
     * learner) train on the Tribuo learner the run started with, under the same id, so that a resumed
     * run does not mix learners.
     */
    public static ModelTrainer createForStoredRun(String id, Map<String, String> settings, Map<String, String> libraryVersions) {
        if (IDS.contains(id) && !id.equals("libsvm") && !libraryVersions.containsKey(SparseBaseline.learnerKey(id))) {
            Map<String, Object> p = parameters(id, settings);
            return new TribuoBaseline(id, p, factory(id, p));
        }
        return create(id, settings);
    }

    private static Map<String, Object> parameters(String id, Map<String, String> overrides) {
        Map<String, Object> p = defaults(id);
        Set<String> unknown = new HashSet<>(overrides.keySet());
        unknown.removeAll(p.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("model '" + id + "' has no hyperparameter " + unknown + " (it has " + p.keySet() + ")");
        }
        overrides.forEach((name, text) -> p.put(name, parse(id, name, p.get(name), text)));
        if (integer(p, MIN_DF) < 1) {
            throw new IllegalArgumentException(id + "." + MIN_DF + ": must be at least 1 (1 keeps every word), got " + p.get(MIN_DF));
        }
        return p;
    }

    private static Object parse(String id, String name, Object defaultValue, String text) {
        try {
            if (defaultValue instanceof Integer) {
                return Integer.valueOf(text.trim());
            }
            if (defaultValue instanceof Double) {
                return Double.valueOf(text.trim());
            }
            return text.trim().toLowerCase(java.util.Locale.ROOT);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + "." + name + ": '" + text + "' is not a number");
        }
    }

    private static int integer(Map<String, Object> p, String name) {
        return (Integer) p.get(name);
    }

    private static double real(Map<String, Object> p, String name) {
        return (Double) p.get(name);
    }

    private static TribuoBaseline.TrainerFactory factory(String id, Map<String, Object> p) {
        return switch (id) {
            case "dt" -> (features, seed) -> new CARTClassificationTrainer(integer(p, "maxDepth"),
                    (float) real(p, "minChildWeight"), (float) real(p, "minImpurityDecrease"), 1.0f, false, new GiniIndex(), seed);
            case "rf" -> (features, seed) -> {
                double fraction = real(p, "featureFraction") > 0 ? real(p, "featureFraction")
                        : Math.min(1.0, Math.sqrt(features) / Math.max(1, features));
                var tree = new CARTClassificationTrainer(integer(p, "maxDepth"), (float) real(p, "minChildWeight"),
                        0.0f, (float) fraction, false, new GiniIndex(), seed);
                return new RandomForestTrainer<>(tree, new VotingCombiner(), integer(p, "trees"), seed);
            };
            case "svm" -> (features, seed) -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL),
                    real(p, "cost"), integer(p, "maxIterations"), real(p, "epsilon"), seed);
            case "libsvm" -> (features, seed) -> {
                KernelType kernel = switch ((String) p.get("kernel")) {
                    case "rbf" -> KernelType.RBF;
                    case "linear" -> KernelType.LINEAR;
                    case "poly" -> KernelType.POLY;
                    case "sigmoid" -> KernelType.SIGMOID;
                    default -> throw new IllegalArgumentException("libsvm.kernel: '" + p.get("kernel")
                            + "' is not rbf, linear, poly or sigmoid");
                };
                SVMParameters<org.tribuo.classification.Label> params =
                        new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), kernel);
                params.setCost(real(p, "cost"));
                params.setGamma(real(p, "gamma") > 0 ? real(p, "gamma") : 1.0 / Math.max(1, features));
                return new LibSVMClassificationTrainer(params, seed);
            };
            default -> throw new IllegalArgumentException("unknown baseline '" + id + "'");
        };
    }
}
