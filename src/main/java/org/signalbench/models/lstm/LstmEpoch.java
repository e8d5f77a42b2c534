package org.signalbench.models.lstm;

/**
 * What one training epoch gave: the mean training loss over its batches (with dropout, as
 * trained), the validation loss (NaN without a validation set) and whether it is the best so far.
 */
public record LstmEpoch(int epoch, double trainLoss, double validationLoss, boolean best, double seconds) {
}
