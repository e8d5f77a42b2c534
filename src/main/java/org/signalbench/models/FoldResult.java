package org.signalbench.models;

/** One model's figures on one test fold of one variant. */
public record FoldResult(String variant, String model, int fold, int trainSize, int testSize, BinaryMetrics counts,
                         double auc, double trainSeconds, double testSeconds) {
}
