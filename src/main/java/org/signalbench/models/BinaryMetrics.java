package org.signalbench.models;

import java.util.List;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * Confusion counts with dealer as the positive class, and the measures derived from them.
 * Precision, recall and F1 are 0 when their denominator is 0 (no predicted or no actual dealers),
 * as scikit-learn reports them with zero_division=0.
 */
public record BinaryMetrics(int tp, int fp, int tn, int fn) {

    public static BinaryMetrics of(List<Scored> scored, List<Boolean> actual) {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scored.size(); i++) {
            boolean predicted = scored.get(i).predictedDealer();
            boolean truth = actual.get(i);
            if (predicted && truth) tp++;
            else if (predicted) fp++;
            else if (truth) fn++;
            else tn++;
        }
        return new BinaryMetrics(tp, fp, tn, fn);
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }

    /**
     * Area under the ROC curve of these scores (Tribuo's {@code binaryAUCROC}: tied scores form one
     * step, so a tie between a dealer and another post counts one half). NaN when only one class is
     * present, where the curve is undefined.
     */
    public static double auc(boolean[] dealer, double[] score) {
        boolean anyPositive = false, anyNegative = false;
        for (boolean d : dealer) {
            anyPositive |= d;
            anyNegative |= !d;
        }
        if (!anyPositive || !anyNegative) {
            return Double.NaN;
        }
        return LabelEvaluationUtil.binaryAUCROC(dealer, score);
    }
}
