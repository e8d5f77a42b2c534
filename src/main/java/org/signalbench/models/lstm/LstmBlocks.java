package org.signalbench.models.lstm;

import org.signalbench.preprocess.Variant;

/**
 * Which of the study's two input blocks a network has (Figure 2): the text block (embedding, LSTM,
 * Dense 1) over the words, the hashtag block (embedding, Dense 2) over the hashtags, or both merged.
 */
public enum LstmBlocks {
    TEXT_AND_HASHTAGS(true, true),
    TEXT_ONLY(true, false),
    HASHTAGS_ONLY(false, true);

    private final boolean text;
    private final boolean hashtags;

    LstmBlocks(boolean text, boolean hashtags) {
        this.text = text;
        this.hashtags = hashtags;
    }

    public boolean usesText() {
        return text;
    }

    public boolean usesHashtags() {
        return hashtags;
    }

    /** A one-part variant uses only its block; the full text uses both. */
    public static LstmBlocks forVariant(Variant variant) {
        return switch (variant) {
            case WITH_HASHTAGS -> TEXT_AND_HASHTAGS;
            case NO_HASHTAGS -> TEXT_ONLY;
            case HASHTAGS_ONLY -> HASHTAGS_ONLY;
        };
    }
}
