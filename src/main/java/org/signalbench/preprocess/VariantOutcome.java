package org.signalbench.preprocess;

import java.util.List;

/**
 * What happened to one post in one variant: kept (reason null) or dropped with the reason, for
 * example "fewer than two dictionary words", "no hashtags", "empty without hashtags" or
 * "duplicate of post 123". {@code tokens} are the post's tokens in this variant either way.
 */
public record VariantOutcome(boolean kept, List<String> tokens, String reason) {
    public VariantOutcome {
        tokens = List.copyOf(tokens);
        if (kept != (reason == null)) {
            throw new IllegalArgumentException("a kept text has no reason, a dropped one has one");
        }
    }
}
