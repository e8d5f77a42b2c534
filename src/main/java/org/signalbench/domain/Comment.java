package org.signalbench.domain;

import java.time.Instant;
import java.util.Objects;

/** One comment under a post, in thread order. */
public record Comment(String author, String text, Instant at) {
    public Comment {
        Objects.requireNonNull(text, "text");
    }
}
