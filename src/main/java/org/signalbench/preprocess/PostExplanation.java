package org.signalbench.preprocess;

import java.util.List;
import java.util.Map;

/** For the app: a post's cleaned tokens and, per variant, whether it was kept or why it was dropped. */
public record PostExplanation(long postId, List<String> tokens, Map<Variant, VariantOutcome> outcomes) {
    public PostExplanation {
        tokens = List.copyOf(tokens);
        outcomes = Map.copyOf(outcomes);
    }
}
