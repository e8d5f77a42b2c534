package org.signalbench.models;

/**
 * A model's answer for one test post: a score that ranks posts (higher = more dealer-like; a
 * probability or an SVM decision value, whatever the model gives) and its yes/no decision.
 */
public record Scored(long postId, double score, boolean predictedDealer) {
}
