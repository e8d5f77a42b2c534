package org.signalbench.ui.preprocessing;

import java.util.List;

/**
 * What preprocessing made of one post, as the Preprocessing pane shows it.
 *
 * @param tokens   the post's tokens after cleaning
 * @param variants one entry per text variant, in the published order
 */
public record PostPreprocessing(List<String> tokens, List<VariantOutcome> variants) {
    public PostPreprocessing {
        tokens = List.copyOf(tokens);
        variants = List.copyOf(variants);
    }

    /**
     * @param variant the variant's key, for example "with-hashtags"
     * @param kept    whether the post lands in this variant
     * @param tokens  its tokens in this variant
     * @param reason  why it was dropped (empty when kept)
     */
    public record VariantOutcome(String variant, boolean kept, List<String> tokens, String reason) {
        public VariantOutcome {
            tokens = List.copyOf(tokens);
            reason = reason == null ? "" : reason;
        }
    }
}
