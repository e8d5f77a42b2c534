package org.signalbench.agreement;

/** Agreement among three or more coders on the posts all of them answered. */
public record MultiCoderAgreement(long items, double fleissKappa, double krippendorffAlpha) {
}
