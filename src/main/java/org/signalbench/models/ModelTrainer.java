package org.signalbench.models;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.signalbench.jobs.JobContext;

/**
 * Trains one kind of model on the training part of a fold. Implementations: the Tribuo baselines
 * (bag of words, TF-IDF) in {@code models.baselines}; the LSTM (index sequences) plugs in the same
 * way through {@link ModelCatalog}. Training must be deterministic for a given seed.
 */
public interface ModelTrainer {
    /** The short name used on the command line and in stored runs ("dt", "svm", "lstm"). */
    String id();

    /** The hyperparameters in effect, for the run's provenance (stored as JSON). */
    Map<String, Object> hyperparameters();

    /** Library name → version, for the run's provenance. */
    Map<String, String> libraryVersions();

    /**
     * Trains on {@code training}. {@code dictionarySize} is the preprocessing dictionary's size
     * (indices run 1..size, 0 is padding). {@code context} receives progress within the fold (epochs,
     * say) and may be checked for cancellation.
     */
    TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context);

    /**
     * As {@link #train(List, int, long, JobContext)}, also telling {@code epochs} about every training
     * epoch. Models trained in one pass (the baselines) have no epochs and ignore it.
     */
    default TrainedModel train(List<Example> training, int dictionarySize, long seed, JobContext context,
                               Consumer<TrainingEpoch> epochs) {
        return train(training, dictionarySize, seed, context);
    }
}
