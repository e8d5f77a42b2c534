package org.signalbench.labels;

/**
 * The answer that counts for one post and question.
 *
 * @param value null when the post is disputed
 */
public record FinalLabel(long postId, String question, String value, Status status) {
    public enum Status {
        /** Every coder who answered gave the same answer (two or more coders). */
        AGREED,
        /** Only one coder answered; the answer stands until someone else codes the post. */
        SINGLE_CODER,
        /** The expert decided. */
        SETTLED,
        /** Coders disagree and the expert has not decided: kept out of counts and training. */
        DISPUTED
    }

    public boolean isFinal() {
        return status != Status.DISPUTED;
    }
}
