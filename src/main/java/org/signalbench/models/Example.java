package org.signalbench.models;

import java.util.List;

/**
 * One labelled text of one variant: the post, its tokens and their dictionary indices (same order,
 * as {@link org.signalbench.preprocess.VariantText}), and its final dealer label. Bag-of-words
 * models read the tokens; sequence models (the LSTM) read the indices.
 */
public record Example(long postId, List<String> tokens, int[] indices, boolean dealer) {
    public Example {
        tokens = List.copyOf(tokens);
        if (indices.length != tokens.size()) {
            throw new IllegalArgumentException("post " + postId + ": tokens and indices differ in length");
        }
    }
}
