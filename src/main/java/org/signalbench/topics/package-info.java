/**
 * Topic models for short texts and their comparison: the biterm topic model (own Gibbs sampler with
 * checkpoints and sum_b inference), LDA through MALLET, NMF and Nyström kernel k-means behind one
 * trainer interface and one result shape; purity, NMI, coherence, diversity and held-out perplexity;
 * the comparison runner and the sampler benchmark. Pure logic: no JavaFX, no SQL (docs/topics.md).
 */
package org.signalbench.topics;
