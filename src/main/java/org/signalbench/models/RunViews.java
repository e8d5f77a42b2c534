package org.signalbench.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the Models view draws from a stored run's pooled out-of-fold predictions: the ROC curve and
 * the pooled confusion counts. No JavaFX here, so the figures can be checked in plain tests.
 */
public final class RunViews {
    private RunViews() {
    }

    /** One point of a ROC curve: false-positive rate and true-positive rate at one threshold. */
    public record RocPoint(double falsePositiveRate, double truePositiveRate) {
    }

    /**
     * The ROC curve of the predictions (dealer positive), from (0, 0) to (1, 1): one point per
     * distinct score, thresholds from the highest score down, so tied scores form one diagonal step
     * (as the AUC counts them). At most about {@code maxPoints} points: when there are more distinct
     * scores, points are kept at regular steps (the corners (0, 0) and (1, 1) always), which is
     * finer than a chart can show. Empty when the predictions hold only one class.
     */
    public static List<RocPoint> roc(List<RunStore.Prediction> predictions, int maxPoints) {
        long positives = predictions.stream().filter(RunStore.Prediction::dealer).count();
        long negatives = predictions.size() - positives;
        if (positives == 0 || negatives == 0) {
            return List.of();
        }
        List<RunStore.Prediction> sorted = new ArrayList<>(predictions);
        sorted.sort(Comparator.comparingDouble(RunStore.Prediction::score).reversed());
        List<RocPoint> curve = new ArrayList<>();
        curve.add(new RocPoint(0, 0));
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).dealer()) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = i == sorted.size() - 1 || sorted.get(i + 1).score() != sorted.get(i).score();
            if (lastOfTie) {
                curve.add(new RocPoint((double) fp / negatives, (double) tp / positives));
            }
        }
        return thin(curve, Math.max(2, maxPoints));
    }

    private static List<RocPoint> thin(List<RocPoint> curve, int maxPoints) {
        if (curve.size() <= maxPoints) {
            return curve;
        }
        List<RocPoint> kept = new ArrayList<>();
        double step = (curve.size() - 1) / (double) (maxPoints - 1);
        for (int k = 0; k < maxPoints; k++) {
            kept.add(curve.get((int) Math.round(k * step)));
        }
        return kept;
    }

    /** Confusion counts of the pooled predictions (each post once, by the model of its test fold). */
    public static BinaryMetrics pooledConfusion(List<RunStore.Prediction> predictions) {
        return BinaryMetrics.of(predictions.stream().map(p -> new Scored(p.postId(), p.score(), p.predicted())).toList(),
                predictions.stream().map(RunStore.Prediction::dealer).toList());
    }
}
