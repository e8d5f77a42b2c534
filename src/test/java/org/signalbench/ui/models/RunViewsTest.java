package org.signalbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signalbench.models.BinaryMetrics;
import org.signalbench.models.RunStore.Prediction;
import org.signalbench.models.RunViews;
import org.signalbench.models.RunViews.RocPoint;

/** The ROC curve and pooled confusion counts the Models view draws (models.RunViews). */
class RunViewsTest {
    private static Prediction p(long id, double score, boolean dealer) {
        return new Prediction(id, 0, score, score > 0.5, dealer);
    }

    @Test
    void rocCurveByHandWithATieAsOneDiagonalStep() {
        List<Prediction> predictions = List.of(p(1, 0.9, true), p(2, 0.8, false), p(3, 0.7, true), p(4, 0.7, false),
                p(5, 0.1, false));
        assertEquals(List.of(new RocPoint(0, 0), new RocPoint(0, 0.5), new RocPoint(1 / 3.0, 0.5), new RocPoint(2 / 3.0, 1),
                new RocPoint(1, 1)), RunViews.roc(predictions, 100));
        assertEquals(0.75, area(RunViews.roc(predictions, 100)), 1e-12, "4.5 of 6 dealer-other pairs ranked right");
    }

    @Test
    void theCurvesAreaIsTheAucAndThinningKeepsTheCorners() {
        Random random = new Random(3);
        List<Prediction> predictions = new ArrayList<>();
        boolean[] truth = new boolean[2000];
        double[] scores = new double[2000];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = random.nextBoolean();
            scores[i] = random.nextGaussian() + (truth[i] ? 1 : 0);
            predictions.add(p(i, scores[i], truth[i]));
        }
        List<RocPoint> full = RunViews.roc(predictions, 10_000);
        assertEquals(2001, full.size(), "one point per distinct score and the origin");
        assertEquals(BinaryMetrics.auc(truth, scores), area(full), 1e-9);
        List<RocPoint> thin = RunViews.roc(predictions, 50);
        assertEquals(50, thin.size());
        assertEquals(new RocPoint(0, 0), thin.get(0));
        assertEquals(new RocPoint(1, 1), thin.get(49));
        assertTrue(Math.abs(area(thin) - area(full)) < 0.01, "a thinned curve still looks the same");
        assertEquals(List.of(), RunViews.roc(List.of(p(1, 0.3, true), p(2, 0.6, true)), 10), "one class: no curve");
    }

    @Test
    void pooledConfusionCountsEachPredictionOnce() {
        List<Prediction> predictions = List.of(p(1, 0.9, true), p(2, 0.8, false), p(3, 0.2, true), p(4, 0.1, false),
                p(5, 0.6, true));
        assertEquals(new BinaryMetrics(2, 1, 1, 1), RunViews.pooledConfusion(predictions));
    }

    private static double area(List<RocPoint> curve) {
        double a = 0;
        for (int i = 1; i < curve.size(); i++) {
            RocPoint x = curve.get(i - 1);
            RocPoint y = curve.get(i);
            a += (y.falsePositiveRate() - x.falsePositiveRate()) * (x.truePositiveRate() + y.truePositiveRate()) / 2;
        }
        return a;
    }
}
