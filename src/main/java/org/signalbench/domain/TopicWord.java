package org.signalbench.domain;

import java.util.List;

/** A word of a topic with its probability p(w|z). */
public record TopicWord(String word, double p) {
    /** The three tags a theme may get. */
    public static final List<String> TAGS = List.of("signal", "noise", "neutral");
}
