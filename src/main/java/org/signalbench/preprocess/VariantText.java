package org.signalbench.preprocess;

import java.util.List;

/**
 * A text kept in one variant: its tokens and their dictionary indices (same length, same order).
 * The array is the corpus's own; callers must not change it.
 */
public record VariantText(long postId, List<String> tokens, int[] indices) {
    public VariantText {
        tokens = List.copyOf(tokens);
        if (indices.length != tokens.size()) {
            throw new IllegalArgumentException("post " + postId + ": " + tokens.size() + " tokens but "
                    + indices.length + " indices");
        }
    }
}
