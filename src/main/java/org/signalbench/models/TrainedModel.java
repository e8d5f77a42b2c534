package org.signalbench.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A model trained on one training part; scores examples it has not seen. */
public interface TrainedModel {
    /** One answer per example, in the examples' order. */
    List<Scored> score(List<Example> examples);

    /**
     * Writes the model to {@code file} (a DL4J model file for the LSTM, a Tribuo model file for the
     * baselines) so that it can be loaded again and give the same scores.
     */
    default void save(Path file) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be saved yet");
    }
}
