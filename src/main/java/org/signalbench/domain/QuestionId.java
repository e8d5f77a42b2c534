package org.signalbench.domain;

/**
 * The key of a codebook question, such as {@code dealer}. The codebook (an editable file) defines
 * the questions; {@link #DEALER} is the one every post must have answered and the models learn.
 */
public record QuestionId(String key) {
    /** The dealer question's key, as a compile-time constant for annotations and switches. */
    public static final String DEALER_KEY = "dealer";
    /** Is the post's author selling drugs? */
    public static final QuestionId DEALER = new QuestionId(DEALER_KEY);

    public QuestionId {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a question needs a key");
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
