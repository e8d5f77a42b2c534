package org.signalbench.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The coefficients against the values their authors published for worked examples. */
class PublishedValuesTest {

    /**
     * Cohen (1960), Table 1, the matrix with po = .70 and pc = .41 (200 units, three categories;
     * proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06): kappa = .492. The cell proportions
     * are as we recall the paper; the paper's stated po, pc and kappa are what the test checks.
     */
    @Test
    void cohen1960() {
        var m = ConfusionMatrix.ofCounts(List.of("1", "2", "3"), new long[][] {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}});
        PairAgreement a = Coefficients.pair(m);
        assertEquals(200, a.items());
        assertEquals(0.70, a.observedAgreement(), 1e-12);
        assertEquals(0.492, a.cohenKappa(), 0.0005);
        // pc = .41 follows from kappa = (po - pc) / (1 - pc).
        assertEquals(0.41, (a.observedAgreement() - a.cohenKappa()) / (1 - a.cohenKappa()), 1e-12);
    }

    /** Artstein &amp; Poesio (2008), section 2.4 example: 100 utterances, stat/ireq, 20/10/20/50. */
    @Test
    void artsteinPoesio2008() {
        var m = ConfusionMatrix.ofCounts(List.of("stat", "ireq"), new long[][] {{20, 10}, {20, 50}});
        PairAgreement a = Coefficients.pair(m);
        assertEquals(0.7, a.observedAgreement(), 1e-12);
        assertEquals(0.348, a.cohenKappa(), 0.0005);
        assertEquals(0.341, a.scottPi(), 0.0005);
    }

    /** Gwet (2008, 2014): 8 yes/yes, 1 no/no, 1 yes/no: AC1 = 0.866 while kappa collapses. */
    @Test
    void gwetBinaryExample() {
        var m = ConfusionMatrix.ofCounts(List.of("yes", "no"), new long[][] {{8, 1}, {0, 1}});
        PairAgreement a = Coefficients.pair(m);
        assertEquals(0.866, a.gwetAc1(), 0.0005);
        assertEquals(0.9, a.observedAgreement(), 1e-12);
        assertEquals(0.615, a.cohenKappa(), 0.0005); // (0.9 - 0.74) / 0.26
    }

    /**
     * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", C: nominal data, four
     * observers, twelve units, missing values: alpha = 0.743.
     */
    @Test
    void krippendorffNominalWithMissingData() {
        String[][] byObserver = {
                {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
                {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
                {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
                {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null}};
        assertEquals(0.743, Coefficients.krippendorffAlpha(units(byObserver)), 0.0005);
    }

    /** Krippendorff (2011), A: binary data, two observers, ten units: alpha = 0.095. */
    @Test
    void krippendorffBinaryTwoObservers() {
        String[][] byObserver = {
                {"0", "1", "0", "0", "0", "0", "0", "0", "1", "0"},
                {"1", "1", "1", "0", "0", "1", "0", "0", "0", "0"}};
        assertEquals(0.095, Coefficients.krippendorffAlpha(units(byObserver)), 0.0005);
        // The closed form for two coders without missing answers gives the same alpha.
        var m = ConfusionMatrix.ofCounts(List.of("0", "1"), new long[][] {{5, 3}, {1, 1}});
        assertEquals(0.095, Coefficients.pair(m).krippendorffAlpha(), 0.0005);
    }

    /**
     * Fleiss (1971) style worked example as given in the Wikipedia article "Fleiss' kappa": ten
     * subjects, fourteen raters, five categories: P = 0.378, Pe = 0.213, kappa = 0.210.
     */
    @Test
    void fleissKappaWorkedExample() {
        long[][] counts = {
                {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertEquals(0.210, Coefficients.fleissKappa(counts), 0.0005);
        assertThrows(IllegalArgumentException.class, () -> Coefficients.fleissKappa(new long[][] {{1, 1}, {3, 0}}));
    }

    /**
     * The kappa standard error of Fleiss, Cohen &amp; Everitt (1969) against the same formula as
     * written out in Fleiss, Levin &amp; Paik, Statistical Methods for Rates and Proportions (3rd
     * ed., section 18.1), for a 2x2 table worked by hand here: the interval is kappa +- 1.96 SE.
     */
    @Test
    void kappaConfidenceInterval() {
        var m = ConfusionMatrix.ofCounts(List.of("stat", "ireq"), new long[][] {{20, 10}, {20, 50}});
        PairAgreement a = Coefficients.pair(m);
        double k = a.cohenKappa();
        // p11=.2 p12=.1 p21=.2 p22=.5; rows .3 .7; cols .4 .6; pe=.54
        double aTerm = 0.2 * Math.pow(1 - (0.3 + 0.4) * (1 - k), 2) + 0.5 * Math.pow(1 - (0.7 + 0.6) * (1 - k), 2);
        double bTerm = Math.pow(1 - k, 2) * (0.1 * Math.pow(0.4 + 0.7, 2) + 0.2 * Math.pow(0.6 + 0.3, 2));
        double cTerm = Math.pow(k - 0.54 * (1 - k), 2);
        double se = Math.sqrt((aTerm + bTerm - cTerm) / (100 * Math.pow(1 - 0.54, 2)));
        assertEquals(se, a.kappaStandardError(), 1e-12);
        assertEquals(k - 1.959964 * se, a.kappaLow(), 1e-6);
        assertEquals(k + 1.959964 * se, a.kappaHigh(), 1e-6);
        assertEquals(0.0950, se, 0.0005);
    }

    @Test
    void cellsListTheirPosts() {
        var m = ConfusionMatrix.of(List.of(new ConfusionMatrix.Pair(7, "yes", "no"), new ConfusionMatrix.Pair(9, "yes", "no"),
                new ConfusionMatrix.Pair(8, "no", "no")), List.of("yes", "no"));
        assertEquals(List.of(7L, 9L), m.posts("yes", "no"));
        assertEquals(List.of(), m.posts("no", "yes"));
        assertEquals(List.of("yes|yes", "yes|no", "no|yes", "no|no"), new ArrayList<>(m.cells().keySet()));
        assertEquals(2, m.count("yes", "no"));
    }

    static List<List<String>> units(String[][] byObserver) {
        List<List<String>> units = new ArrayList<>();
        for (int u = 0; u < byObserver[0].length; u++) {
            int unit = u;
            units.add(Arrays.stream(byObserver).map(row -> row[unit]).filter(Objects::nonNull).toList());
        }
        return units;
    }
}
