package org.signalbench.agreement;

/**
 * Agreement between two coders on one question (nominal answers).
 *
 * @param items              posts both coders answered
 * @param kappaStandardError large-sample standard error of kappa (Fleiss, Cohen &amp; Everitt 1969)
 * @param kappaLow           lower end of the 95% confidence interval, at least -1
 * @param kappaHigh          upper end of the 95% confidence interval, at most 1
 */
public record PairAgreement(
        long items,
        double observedAgreement,
        double cohenKappa,
        double kappaStandardError,
        double kappaLow,
        double kappaHigh,
        double scottPi,
        double krippendorffAlpha,
        double gwetAc1,
        ConfusionMatrix confusion) {
}
