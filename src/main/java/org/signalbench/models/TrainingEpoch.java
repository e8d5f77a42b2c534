package org.signalbench.models;

/**
 * One finished training epoch of an iteratively trained model (the LSTM): mean training loss,
 * validation loss (NaN without validation posts), whether its weights are the best so far, and
 * how long it took. A live loss chart draws these.
 */
public record TrainingEpoch(int epoch, double trainLoss, double validationLoss, boolean best, double seconds) {
}
