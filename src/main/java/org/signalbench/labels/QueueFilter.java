package org.signalbench.labels;

/**
 * Which posts a coder's queue holds and in what order.
 *
 * @param collection  only posts collected under this search ("#xanax" or "xanax"); null for all
 * @param captionText only posts whose caption contains this text (case-insensitive for ASCII); null for all
 * @param scoreModel  order by this model's score, highest first (posts without a score last); null for post order
 */
public record QueueFilter(String collection, String captionText, String scoreModel) {
    public static final QueueFilter ALL = new QueueFilter(null, null, null);
}
