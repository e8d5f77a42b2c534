package org.signalbench.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A post as read from a source file, before it is stored. Importers produce drafts; the store
 * decides whether a draft is new or a duplicate of a post it already holds.
 *
 * @param collectedUnder the searches (for example {@code #xanax}) the post was collected under
 * @param links          expanded URLs the post links to
 * @param sourceFile     the file the draft was read from, for provenance
 * @param tweet          what a tweet carries beyond these fields; null for other posts
 */
public record PostDraft(
        Platform platform,
        String externalId,
        String author,
        String authorId,
        Instant postedAt,
        String caption,
        List<Comment> comments,
        List<MediaFile> media,
        Set<String> collectedUnder,
        List<String> links,
        String url,
        String sourceFile,
        TweetFields tweet) {

    public PostDraft {
        Objects.requireNonNull(platform, "platform");
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("post has no id");
        }
        caption = caption == null ? "" : caption;
        comments = List.copyOf(comments == null ? List.of() : comments);
        media = List.copyOf(media == null ? List.of() : media);
        collectedUnder = Set.copyOf(collectedUnder == null ? Set.of() : collectedUnder);
        links = List.copyOf(links == null ? List.of() : links);
    }

    /** A draft without tweet fields (Instagram posts, bundles, CSV rows). */
    public PostDraft(Platform platform, String externalId, String author, String authorId, Instant postedAt,
                     String caption, List<Comment> comments, List<MediaFile> media, Set<String> collectedUnder,
                     List<String> links, String url, String sourceFile) {
        this(platform, externalId, author, authorId, postedAt, caption, comments, media, collectedUnder, links, url,
                sourceFile, null);
    }
}
