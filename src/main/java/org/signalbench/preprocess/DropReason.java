package org.signalbench.preprocess;

/**
 * Why a text left a variant. {@link #label()} is the key in
 * {@link PreprocessedCorpus#dropCounts(Variant)}; a duplicate's own reason names the post it repeats.
 */
public enum DropReason {
    /** Step 3: the cleaned caption has fewer than two tokens. Applies to every variant. */
    TOO_FEW_WORDS("fewer than two dictionary words"),
    /** Step 4, hashtags-only variant: the caption has no hashtag. */
    NO_HASHTAGS("no hashtags"),
    /** Step 4, no-hashtags variant: the caption is hashtags only. */
    EMPTY_WITHOUT_HASHTAGS("empty without hashtags"),
    /** Step 5: an earlier post (by id) has the same tokens in this variant. */
    DUPLICATE("duplicate");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reasons that can drop a text from the given variant, in pipeline order. */
    static DropReason[] applicableTo(Variant variant) {
        return switch (variant) {
            case WITH_HASHTAGS -> new DropReason[] {TOO_FEW_WORDS, DUPLICATE};
            case HASHTAGS_ONLY -> new DropReason[] {TOO_FEW_WORDS, NO_HASHTAGS, DUPLICATE};
            case NO_HASHTAGS -> new DropReason[] {TOO_FEW_WORDS, EMPTY_WITHOUT_HASHTAGS, DUPLICATE};
        };
    }

    static String duplicateOf(long keptPostId) {
        return "duplicate of post " + keptPostId;
    }
}
