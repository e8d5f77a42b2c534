package org.signalbench.models.baselines;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signalbench.jobs.JobContext;
import org.signalbench.models.Example;
import org.signalbench.models.Scored;
import org.signalbench.models.TfIdf;
import org.signalbench.models.TrainedModel;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import org.tribuo.common.libsvm.LibSVMModel;
import org.tribuo.common.libsvm.LibSVMTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Tribuo classifier on TF-IDF bag of words (see {@link TfIdf}). The TF-IDF weights are fitted on
 * the training part. The score of a post is the model's score for "dealer" minus its score for
 * "not dealer": for SVMs the decision value (times two), for trees and forests the difference of
 * leaf or vote fractions; either way it ranks posts as the model does, which is all AUC needs.
 * For LIBSVM the score is its decision value (positive = dealer).
 */
public final class TribuoBaseline implements TfIdfBaseline {
    static final String DEALER = "dealer";
    static final String OTHER = "other";
    private static final LabelFactory LABELS = new LabelFactory();
    /** Tribuo logs every tree it builds at INFO through java.util.logging; progress comes from the JobContext instead. */
    private static final java.util.logging.Logger TRIBUO_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.tribuo");
        log.setLevel(java.util.logging.Level.WARNING);
        return log;
    }

    /** Makes the Tribuo trainer for a training part with this many features. */
    @FunctionalInterface
    public interface TrainerFactory {
        Trainer<Label> create(int features, long seed);
    }

    private final String id;
    private final Map<String, Object> hyperparameters;
    private final TrainerFactory factory;

    public TribuoBaseline(String id, Map<String, Object> hyperparameters, TrainerFactory factory) {
        this.id = id;
        // the documented order (provenance JSON, the app's table), not Map.copyOf's order, which changes per JVM
        this.hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        this.factory = factory;
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
        v.put("tribuo", org.tribuo.Tribuo.VERSION);
        return v;
    }

    @Override
    public TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context) {
        TfIdf tfIdf = features(training);
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("signalbench training part", LABELS), LABELS);
        for (Example e : training) {
            TfIdf.Vector v = tfIdf.transform(e);
            if (hasFeatures(v)) { // see trainable()
                data.add(new ArrayExample<>(new Label(e.dealer() ? DEALER : OTHER), v.names(), v.values()));
            }
        }
        Model<Label> model = factory.create(tfIdf.vocabularySize(), seed).train(data);
        return new BaselineModel(id, hyperparameters, tfIdf, model);
    }

    /**
     * The training texts that keep at least one feature: Tribuo refuses an example without features,
     * which a document-frequency floor above 1 can leave (a text made only of rare words). The
     * export for the scikit-learn reference trains on the same texts.
     */
    public static List<Example> trainable(TfIdf tfIdf, List<Example> training) {
        return training.stream().filter(e -> hasFeatures(tfIdf.transform(e))).toList();
    }

    private static boolean hasFeatures(TfIdf.Vector v) {
        return v.names().length > 0;
    }

    static Scored score(Model<Label> model, TfIdf tfIdf, Example e) {
        TfIdf.Vector v = tfIdf.transform(e);
        if (!hasFeatures(v)) {
            // Tribuo refuses an example with no known feature; such a text carries no evidence.
            return new Scored(e.postId(), 0, false);
        }
        ArrayExample<Label> example = new ArrayExample<>(LABELS.getUnknownOutput(), v.names(), v.values());
        Prediction<Label> p = model.predict(example);
        boolean predicted = DEALER.equals(p.getOutput().getLabel());
        if (model instanceof LibSVMModel<Label> svm) {
            return new Scored(e.postId(), libsvmDecisionValue(svm, example), predicted);
        }
        Map<String, Label> scores = p.getOutputScores();
        double dealer = scores.containsKey(DEALER) ? scores.get(DEALER).getScore() : 0;
        double other = scores.containsKey(OTHER) ? scores.get(OTHER).getScore() : 0;
        return new Scored(e.postId(), dealer - other, predicted);
    }

    /**
     * Tribuo reports LIBSVM's votes (0 or 1 per class) as scores unless the model is trained with
     * Platt probabilities, which costs an inner cross-validation; AUC needs the decision value, so it
     * is read from the LIBSVM model itself, signed so that positive means dealer.
     */
    private static double libsvmDecisionValue(LibSVMModel<Label> model, ArrayExample<Label> example) {
        svm_model inner = model.getInnerModels().get(0);
        svm_node[] nodes = LibSVMTrainer.exampleToNodes(example, model.getFeatureIDMap(), null);
        double[] decision = new double[1];
        svm.svm_predict_values(inner, nodes, decision);
        // decision > 0 votes for the class inner.label[0] (a Tribuo output id)
        String first = model.getOutputIDInfo().getOutput(inner.label[0]).getLabel();
        return DEALER.equals(first) ? decision[0] : -decision[0];
    }
}
