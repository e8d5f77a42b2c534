package org.signalbench.models;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Significance tests for comparing two models evaluated on the same folds. */
public final class PairedTests {
    private PairedTests() {
    }

    /** A statistic and its two-sided p-value. */
    public record Result(double statistic, double pValue) {
    }

    /**
     * Nadeau and Bengio's corrected resampled t-test (Machine Learning 52, 2003) on per-fold scores
     * a[j], b[j] of two models on the same k folds. With d[j] = a[j] - b[j], mean m and sample
     * variance s² (divisor k - 1):
     *
     * <pre>  t = m / sqrt((1/k + nTest/nTrain) * s²),  k - 1 degrees of freedom</pre>
     *
     * The nTest/nTrain term corrects for the overlap of training parts (for 10 folds it is 1/9).
     * When every difference is equal (s² = 0) the test is undefined: t = 0 and p = 1 when the
     * differences are all 0, otherwise t = ±∞ and p = 0.
     */
    public static Result correctedResampledT(double[] a, double[] b, double testToTrainRatio) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("need the same number (at least 2) of folds for both models");
        }
        int k = a.length;
        double mean = 0;
        for (int j = 0; j < k; j++) {
            mean += a[j] - b[j];
        }
        mean /= k;
        double variance = 0;
        for (int j = 0; j < k; j++) {
            double dev = a[j] - b[j] - mean;
            variance += dev * dev;
        }
        variance /= k - 1;
        if (variance == 0) {
            return mean == 0 ? new Result(0, 1) : new Result(Math.copySign(Double.POSITIVE_INFINITY, mean), 0);
        }
        double t = mean / Math.sqrt((1.0 / k + testToTrainRatio) * variance);
        double p = 2 * new TDistribution(null, k - 1).cumulativeProbability(-Math.abs(t));
        return new Result(t, p);
    }

    /**
     * McNemar's test with continuity correction on paired predictions over the same posts:
     * {@code onlyA} = posts model A got right and B wrong, {@code onlyB} the reverse.
     * χ² = (|onlyA - onlyB| - 1)² / (onlyA + onlyB), 1 degree of freedom; χ² = 0 and p = 1 when the
     * models never disagree.
     */
    public static Result mcNemar(int onlyA, int onlyB) {
        if (onlyA + onlyB == 0) {
            return new Result(0, 1);
        }
        double diff = Math.max(0, Math.abs(onlyA - onlyB) - 1.0);
        double chi2 = diff * diff / (onlyA + onlyB);
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi2);
        return new Result(chi2, p);
    }
}
