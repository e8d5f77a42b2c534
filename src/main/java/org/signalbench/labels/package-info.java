/**
 * Annotation: the codebook, the rules of coding and adjudicating ({@link
 * org.signalbench.labels.LabelStore}: answers checked against the codebook, blind reads, label
 * times; it stores through {@code store.Labels}, the one writer of the coder, label and adjudication
 * tables), the coding queue, final labels and coder files.
 */
package org.signalbench.labels;
