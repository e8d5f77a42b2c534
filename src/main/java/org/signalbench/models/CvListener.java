package org.signalbench.models;

/**
 * Hears a cross-validation as it runs, on the thread that runs it: which unit (variant, model,
 * fold) starts, each training epoch of models that have epochs, and each finished unit. The Models
 * view draws its live loss chart and per-fold table from these; the command line needs none.
 */
public interface CvListener {
    CvListener NONE = new CvListener() {
    };

    default void unitStarted(String variant, String model, int fold) {
    }

    default void epoch(String variant, String model, int fold, TrainingEpoch epoch) {
    }

    default void unitFinished(FoldResult result) {
    }
}
