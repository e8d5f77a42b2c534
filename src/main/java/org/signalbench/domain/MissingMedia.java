package org.signalbench.domain;

import java.nio.file.Path;

/** A media file a post names that is not on disk: the post, the picture's place in it, where it was looked for. */
public record MissingMedia(long postId, String platform, String externalId, int position, Path expectedAt) {
}
