/**
 * Annotation: the codebook, coders and experts, the append-only answers and decisions ({@link
 * org.signalbench.labels.LabelStore}, the only writer of the coder, label and adjudication tables),
 * the coding queue, final labels and coder files.
 */
package org.signalbench.labels;
