package org.signalbench.domain;

/**
 * Which posts a coder's queue holds and in what order.
 *
 * @param collection  only posts collected under this search ("#xanax" or "xanax"); null for all
 * @param captionText only posts whose caption contains this text (case-insensitive for ASCII); null for all
 * @param scoreModel  order by this model's scores (posts without a score last); null for post order
 * @param scoreOrder  how to follow the scores: highest first or most uncertain first (null: highest first)
 */
public record QueueFilter(String collection, String captionText, String scoreModel, ScoreOrder scoreOrder) {
    public static final QueueFilter ALL = new QueueFilter(null, null, null);

    public QueueFilter {
        scoreOrder = scoreOrder == null ? ScoreOrder.HIGHEST_FIRST : scoreOrder;
    }

    /** Highest score first. */
    public QueueFilter(String collection, String captionText, String scoreModel) {
        this(collection, captionText, scoreModel, ScoreOrder.HIGHEST_FIRST);
    }
}
