package org.signalbench.models.baselines;

import java.util.List;
import org.signalbench.models.Example;
import org.signalbench.models.ModelTrainer;
import org.signalbench.models.TfIdf;

/**
 * A baseline that trains on TF-IDF bag of words fitted on its training part with a
 * document-frequency floor: what {@code bench baselines} times and exports for scikit-learn.
 */
public interface TfIdfBaseline extends ModelTrainer {
    /** The document-frequency floor of this model's TF-IDF features. */
    default int minDf() {
        return (Integer) hyperparameters().get(Baselines.MIN_DF);
    }

    /**
     * The TF-IDF features this model trains on, fitted on {@code training} with {@link #minDf()};
     * {@code bench baselines --export} writes these same matrices for the scikit-learn reference.
     */
    default TfIdf features(List<Example> training) {
        return TfIdf.fit(training, minDf());
    }
}
