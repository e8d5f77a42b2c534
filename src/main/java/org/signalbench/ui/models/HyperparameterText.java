package org.signalbench.ui.models;

import java.util.Map;

/**
 * Hyperparameters as people read them: "unlimited" for the largest integer (a tree's depth with no
 * limit), and what each one means, fractions included.
 */
final class HyperparameterText {
    static final String UNLIMITED = "unlimited";
    private static final String MAX = Integer.toString(Integer.MAX_VALUE);

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("maxDepth", "How many levels of splits a tree may grow; unlimited: until its leaves are pure or too small."),
            Map.entry("minChildWeight", "The fewest training posts a leaf may hold; larger: simpler trees."),
            Map.entry("minImpurityDecrease", "How much purer a split must make the posts to be made; 0: any improvement."),
            Map.entry("trees", "How many trees the forest votes with; fewer: faster, a little less stable."),
            Map.entry("featureFraction", "The share of the features (0 to 1) each split may look at; 0 means the usual "
                    + "forest rule, the square root of the number of features."),
            Map.entry("cost", "C: how much a wrongly placed training post costs; larger: fits the training posts more closely."),
            Map.entry("epsilon", "When training stops: the solver's tolerance; smaller: longer, more exact."),
            Map.entry("maxIterations", "The most passes the solver makes over the posts."),
            Map.entry("gamma", "How far one post's influence reaches in the RBF kernel; larger: more local."),
            Map.entry("kernel", "The shape of the boundary between dealer and other posts (rbf, linear, ...)."),
            Map.entry("minDf", "A word must appear in at least this many posts to become a feature; 1 keeps every word."));

    private HyperparameterText() {
    }

    /** The value as shown: "unlimited" for the largest integer. */
    static String shown(String stored) {
        return MAX.equals(stored) ? UNLIMITED : stored;
    }

    /** The value as stored from what was typed: "unlimited" (any case) is the largest integer. */
    static String stored(String typed) {
        return typed != null && typed.strip().equalsIgnoreCase(UNLIMITED) ? MAX : typed == null ? null : typed.strip();
    }

    /** What the hyperparameter does, or "" when no text is known for it. */
    static String meaning(String name) {
        return MEANING.getOrDefault(name, "");
    }
}
