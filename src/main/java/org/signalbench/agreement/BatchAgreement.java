package org.signalbench.agreement;

/**
 * Agreement within one labeling batch.
 *
 * @param batch ISO week of the later of the two answers, e.g. "2018-W43"
 */
public record BatchAgreement(String batch, PairAgreement agreement) {
}
