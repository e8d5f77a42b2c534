package org.signalbench.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One post line of a bundle file (docs/formats/bundle.md), field for field. Times are ISO-8601
 * strings in UTC, media paths are relative to the bundle file's folder.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"platform", "externalId", "author", "authorId", "postedAt", "caption", "url",
        "comments", "media", "collectedUnder", "links"})
public record BundlePost(
        String platform,
        String externalId,
        String author,
        String authorId,
        String postedAt,
        String caption,
        String url,
        List<BundleComment> comments,
        List<String> media,
        List<String> collectedUnder,
        List<String> links) {

    public BundlePost {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(externalId, "externalId");
        comments = comments == null ? List.of() : List.copyOf(comments);
        media = media == null ? List.of() : List.copyOf(media);
        collectedUnder = collectedUnder == null ? List.of() : List.copyOf(collectedUnder);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A comment in thread order; {@code text} is required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"author", "text", "at"})
    public record BundleComment(String author, String text, String at) {
        public BundleComment {
            Objects.requireNonNull(text, "text");
        }
    }
}
