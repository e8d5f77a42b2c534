package org.signalbench.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Chance-corrected agreement coefficients for nominal answers. All take counts; nothing here
 * reads the database. Undefined values (no items, or chance agreement of 1) come out as NaN.
 */
public final class Coefficients {
    /** z for a two-sided 95% interval, from the standard normal distribution. */
    static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    private Coefficients() {
    }

    /** Every two-coder coefficient of a confusion matrix. */
    public static PairAgreement pair(ConfusionMatrix m) {
        int k = m.categories().size();
        double n = m.total();
        double[] row = new double[k];
        double[] col = new double[k];
        double po = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = m.count(i, j) / n;
                row[i] += p;
                col[j] += p;
                if (i == j) {
                    po += p;
                }
            }
        }
        double peCohen = 0;
        double peScott = 0;
        double peGwet = 0;
        for (int i = 0; i < k; i++) {
            double pooled = (row[i] + col[i]) / 2;
            peCohen += row[i] * col[i];
            peScott += pooled * pooled;
            peGwet += pooled * (1 - pooled);
        }
        peGwet = k > 1 ? peGwet / (k - 1) : Double.NaN;
        double kappa = (po - peCohen) / (1 - peCohen);
        double se = kappaStandardError(m, row, col, po, peCohen, kappa);
        double pi = (po - peScott) / (1 - peScott);
        // Krippendorff's alpha for two coders and no missing answers: Scott's pi with the
        // expected agreement taken from 2n pairable values without replacement.
        double twoN = 2 * n;
        double peAlpha = 0;
        for (int i = 0; i < k; i++) {
            double values = (row[i] + col[i]) * n;
            peAlpha += values * (values - 1);
        }
        peAlpha /= twoN * (twoN - 1);
        double alpha = 1 - (1 - po) / (1 - peAlpha);
        double ac1 = (po - peGwet) / (1 - peGwet);
        return new PairAgreement((long) n, n == 0 ? Double.NaN : po, kappa, se,
                Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se), pi, alpha, ac1, m);
    }

    /**
     * Large-sample standard error of kappa when kappa is not assumed zero, from Fleiss, Cohen and
     * Everitt (1969), "Large sample standard errors of kappa and weighted kappa", eq. 13.
     */
    private static double kappaStandardError(ConfusionMatrix m, double[] row, double[] col, double po, double pe, double kappa) {
        int k = row.length;
        double n = m.total();
        double a = 0;
        double b = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = m.count(i, j) / n;
                if (i == j) {
                    double t = 1 - (row[i] + col[i]) * (1 - kappa);
                    a += p * t * t;
                } else {
                    double t = col[i] + row[j];
                    b += p * t * t;
                }
            }
        }
        b *= (1 - kappa) * (1 - kappa);
        double c = kappa - pe * (1 - kappa);
        double variance = (a + b - c * c) / (n * (1 - pe) * (1 - pe));
        return Math.sqrt(Math.max(0, variance));
    }

    /**
     * Krippendorff's alpha (nominal) for any number of coders with missing answers: each unit
     * lists the answers it received; units with fewer than two answers are not pairable and
     * drop out. Computed from the coincidence matrix as in Krippendorff (2011), "Computing
     * Krippendorff's alpha-reliability".
     */
    public static double krippendorffAlpha(List<List<String>> units) {
        Map<String, Integer> index = new HashMap<>();
        List<List<String>> pairable = new ArrayList<>();
        for (List<String> unit : units) {
            if (unit.size() >= 2) {
                pairable.add(unit);
                unit.forEach(v -> index.putIfAbsent(v, index.size()));
            }
        }
        int k = index.size();
        double[][] o = new double[k][k];
        for (List<String> unit : pairable) {
            int mu = unit.size();
            for (int a = 0; a < mu; a++) {
                for (int b = 0; b < mu; b++) {
                    if (a != b) {
                        o[index.get(unit.get(a))][index.get(unit.get(b))] += 1.0 / (mu - 1);
                    }
                }
            }
        }
        double[] nc = new double[k];
        double n = 0;
        double agreeing = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                nc[c] += o[c][d];
            }
            n += nc[c];
            agreeing += o[c][c];
        }
        double expectedAgreeing = 0;
        for (int c = 0; c < k; c++) {
            expectedAgreeing += nc[c] * (nc[c] - 1);
        }
        double observedDisagreement = n - agreeing;
        double expectedDisagreement = (n * (n - 1) - expectedAgreeing) / (n - 1);
        return 1 - observedDisagreement / expectedDisagreement;
    }

    /**
     * Fleiss' kappa (1971) for items each rated by the same number of coders.
     *
     * @param counts one row per item: how many coders chose each category
     */
    public static double fleissKappa(long[][] counts) {
        int items = counts.length;
        if (items == 0) {
            return Double.NaN;
        }
        int k = counts[0].length;
        long raters = 0;
        for (long c : counts[0]) {
            raters += c;
        }
        double[] share = new double[k];
        double meanAgreement = 0;
        for (long[] item : counts) {
            long sum = 0;
            double squares = 0;
            for (int j = 0; j < k; j++) {
                sum += item[j];
                squares += (double) item[j] * item[j];
                share[j] += item[j];
            }
            if (sum != raters) {
                throw new IllegalArgumentException("Fleiss' kappa needs the same number of coders on every item ("
                        + raters + " and " + sum + ")");
            }
            meanAgreement += (squares - raters) / (raters * (raters - 1.0));
        }
        meanAgreement /= items;
        double chance = 0;
        for (int j = 0; j < k; j++) {
            double p = share[j] / ((double) items * raters);
            chance += p * p;
        }
        return (meanAgreement - chance) / (1 - chance);
    }
}
