package org.signalbench.app;

/**
 * A tweet retrieved by a round because its first or second theme is a signal theme (the study's
 * rule), with its two most likely themes and their probabilities.
 *
 * @param secondTopic the second most likely theme, or -1 when the model gives only one (kernel k-means)
 * @param p2          its probability, 0 when there is none
 */
public record RetrievedTweet(long postId, String externalId, String author, String text,
                             int firstTopic, double p1, int secondTopic, double p2) {
}
