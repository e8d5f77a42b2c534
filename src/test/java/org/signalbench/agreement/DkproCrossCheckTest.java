package org.signalbench.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.coding.ScottPiAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Our coefficients against DKPro Statistics 2.2.1 on random answers, skewed like dealer labels. */
class DkproCrossCheckTest {
    private static final List<String> CATEGORIES = List.of("a", "b", "c", "d");

    @RepeatedTest(20)
    void twoCodersMatchDkpro(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        int items = 20 + random.nextInt(500);
        int k = 2 + random.nextInt(3);
        double agree = random.nextDouble();
        List<ConfusionMatrix.Pair> pairs = new ArrayList<>();
        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
        for (int i = 0; i < items; i++) {
            String first = skewed(random, k);
            String second = random.nextDouble() < agree ? first : skewed(random, k);
            pairs.add(new ConfusionMatrix.Pair(i, first, second));
            study.addItem(first, second);
        }
        PairAgreement ours = Coefficients.pair(ConfusionMatrix.of(pairs, CATEGORIES.subList(0, k)));
        assertEquals(new PercentageAgreement(study).calculateAgreement(), ours.observedAgreement(), 1e-9);
        assertEquals(new CohenKappaAgreement(study).calculateAgreement(), ours.cohenKappa(), 1e-9);
        assertEquals(new ScottPiAgreement(study).calculateAgreement(), ours.scottPi(), 1e-9);
        assertEquals(new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement(),
                ours.krippendorffAlpha(), 1e-9);
        List<List<String>> units = pairs.stream().map(p -> List.of(p.first(), p.second())).toList();
        assertEquals(ours.krippendorffAlpha(), Coefficients.krippendorffAlpha(units), 1e-9);
    }

    @RepeatedTest(10)
    void manyCodersMatchDkpro(RepetitionInfo repetition) {
        Random random = new Random(2000 + repetition.getCurrentRepetition());
        int raters = 3 + random.nextInt(4);
        int items = 10 + random.nextInt(200);
        int k = 2 + random.nextInt(3);
        CodingAnnotationStudy study = new CodingAnnotationStudy(raters);
        CodingAnnotationStudy withGaps = new CodingAnnotationStudy(raters);
        long[][] counts = new long[items][k];
        List<List<String>> units = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String truth = skewed(random, k);
            Object[] answers = new Object[raters];
            Object[] gappy = new Object[raters];
            List<String> unit = new ArrayList<>();
            for (int r = 0; r < raters; r++) {
                String v = random.nextDouble() < 0.7 ? truth : skewed(random, k);
                answers[r] = v;
                counts[i][CATEGORIES.indexOf(v)]++;
                if (random.nextDouble() < 0.8) {
                    gappy[r] = v;
                    unit.add(v);
                }
            }
            study.addItemAsArray(answers);
            withGaps.addItemAsArray(gappy);
            units.add(unit);
        }
        assertEquals(new FleissKappaAgreement(study).calculateAgreement(), Coefficients.fleissKappa(counts), 1e-9);
        assertEquals(new KrippendorffAlphaAgreement(withGaps, new NominalDistanceFunction()).calculateAgreement(),
                Coefficients.krippendorffAlpha(units), 1e-9);
    }

    /** Mostly the first category, as "no" dominates dealer answers. */
    private static String skewed(Random random, int k) {
        return random.nextDouble() < 0.6 ? CATEGORIES.get(0) : CATEGORIES.get(random.nextInt(k));
    }
}
