package org.signalbench.models;

import java.util.List;

/** A model trained on one training part; scores examples it has not seen. */
public interface TrainedModel {
    /** One answer per example, in the examples' order. */
    List<Scored> score(List<Example> examples);
}
