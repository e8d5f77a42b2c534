package org.signalbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every measure against values worked out by hand (the arithmetic is in the comments). */
class MetricsTest {

    @Test
    void precisionRecallF1FromTheConfusionCounts() {
        // predicted: Y Y Y Y N N N N N N ; actual: Y Y Y N Y Y N N N N -> tp 3, fp 1, fn 2, tn 4
        boolean[] predicted = {true, true, true, true, false, false, false, false, false, false};
        boolean[] actual = {true, true, true, false, true, true, false, false, false, false};
        List<Scored> scored = new java.util.ArrayList<>();
        List<Boolean> truth = new java.util.ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            scored.add(new Scored(i, predicted[i] ? 1 : -1, predicted[i]));
            truth.add(actual[i]);
        }
        BinaryMetrics m = BinaryMetrics.of(scored, truth);
        assertEquals(new BinaryMetrics(3, 1, 4, 2), m);
        assertEquals(0.75, m.precision(), 1e-12);           // 3 / 4
        assertEquals(0.6, m.recall(), 1e-12);               // 3 / 5
        assertEquals(6.0 / 9.0, m.f1(), 1e-12);             // 2*3 / (2*3 + 1 + 2)
        BinaryMetrics none = new BinaryMetrics(0, 0, 5, 3);  // no dealer predicted: zero, not NaN
        assertEquals(0, none.precision());
        assertEquals(0, none.f1());
    }

    @Test
    void aucCountsTiesAsOneHalf() {
        // dealers score 0.9, 0.8, 0.4; others 0.7, 0.4, 0.2. Of the 9 dealer/other pairs the dealer
        // ranks higher in 0.9: 3, 0.8: 3, 0.4: 1 (vs 0.2) + 0.5 (tie with 0.4) -> 7.5 / 9.
        boolean[] dealer = {true, true, false, false, true, false};
        double[] score = {0.9, 0.4, 0.4, 0.2, 0.8, 0.7};
        assertEquals(7.5 / 9, BinaryMetrics.auc(dealer, score), 1e-12);
        assertEquals(1.0, BinaryMetrics.auc(new boolean[] {false, true}, new double[] {-2, 3}), 1e-12);
        assertTrue(Double.isNaN(BinaryMetrics.auc(new boolean[] {true, true}, new double[] {1, 2})), "one class: undefined");
    }

    @Test
    void correctedResampledTTest() {
        // d = (0.2, 0, 0.3), mean 1/6, sample variance 0.07/3; ratio 0.5:
        // t = (1/6) / sqrt((1/3 + 1/2) * 0.07/3) = 1.19523; with 2 df, P(|T| > t) = 1 - t / sqrt(t^2 + 2).
        PairedTests.Result r = PairedTests.correctedResampledT(new double[] {0.8, 0.7, 0.9}, new double[] {0.6, 0.7, 0.6}, 0.5);
        double t = (1.0 / 6) / Math.sqrt((1.0 / 3 + 0.5) * 0.07 / 3);
        assertEquals(1.1952286, r.statistic(), 1e-6);
        assertEquals(t, r.statistic(), 1e-12);
        assertEquals(1 - t / Math.sqrt(t * t + 2), r.pValue(), 1e-9);
        assertEquals(0.3545028, r.pValue(), 1e-6);
        // swapping the models flips the sign, not the p-value
        PairedTests.Result swapped = PairedTests.correctedResampledT(new double[] {0.6, 0.7, 0.6}, new double[] {0.8, 0.7, 0.9}, 0.5);
        assertEquals(-r.statistic(), swapped.statistic(), 1e-12);
        assertEquals(r.pValue(), swapped.pValue(), 1e-12);
        assertEquals(new PairedTests.Result(0, 1), PairedTests.correctedResampledT(new double[] {0.5, 0.6}, new double[] {0.5, 0.6}, 0.1));
    }

    @Test
    void mcNemarWithContinuityCorrection() {
        // 10 posts only A got right, 2 only B: chi2 = (|10 - 2| - 1)^2 / 12 = 49/12; p = P(chi2_1 > 4.0833) = 0.043308
        PairedTests.Result r = PairedTests.mcNemar(10, 2);
        assertEquals(49.0 / 12, r.statistic(), 1e-12);
        assertEquals(0.0433081, r.pValue(), 1e-6);
        assertEquals(new PairedTests.Result(0, 1), PairedTests.mcNemar(0, 0));
        assertEquals(r.pValue(), PairedTests.mcNemar(2, 10).pValue(), 1e-12);
    }

    @Test
    void tfIdfWeightsByHand() {
        // two training texts: [a b], [a c c]; N = 2; df a = 2, b = 1, c = 1
        // idf a = ln(3/3) + 1 = 1; idf c = ln(3/2) + 1 = 1.405465
        // text 2: a -> 1 * 1, c -> 2 * 1.405465 = 2.810930; length sqrt(1 + 7.901329) = 2.983526
        Example one = new Example(1, List.of("a", "b"), new int[] {1, 3}, true);
        Example two = new Example(2, List.of("a", "c", "c"), new int[] {1, 2, 2}, false);
        TfIdf tfIdf = TfIdf.fit(List.of(one, two));
        assertEquals(1.0, tfIdf.idf("a"), 1e-12);
        assertEquals(Math.log(1.5) + 1, tfIdf.idf("c"), 1e-12);
        TfIdf.Vector v = tfIdf.transform(two);
        assertEquals(List.of("a", "c"), List.of(v.names()));
        assertEquals(1 / 2.983526, v.values()[0], 1e-5);
        assertEquals(2.810930 / 2.983526, v.values()[1], 1e-5);
        // a word the training part never saw carries no feature
        TfIdf.Vector unseen = tfIdf.transform(new Example(3, List.of("zzz", "b"), new int[] {4, 3}, true));
        assertEquals(List.of("b"), List.of(unseen.names()));
        assertEquals(1.0, unseen.values()[0], 1e-12);
    }
}
