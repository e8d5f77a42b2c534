/**
 * Inter-coder agreement: observed agreement, Cohen's kappa with confidence interval, Scott's pi,
 * Krippendorff's alpha, Gwet's AC1, Fleiss' kappa, confusion matrices, per pair, per question and
 * per week.
 */
package org.signalbench.agreement;
