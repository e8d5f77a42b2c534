package org.signalbench.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A stored post with everything known about it. */
public record Post(
        long id,
        Platform platform,
        String externalId,
        String author,
        Instant postedAt,
        String caption,
        List<Comment> comments,
        List<MediaFile> media,
        Set<String> collectedUnder,
        List<String> links,
        String url,
        String sourceFile) {
}
