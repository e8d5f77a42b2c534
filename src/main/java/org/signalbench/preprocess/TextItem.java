package org.signalbench.preprocess;

/** One text to preprocess: a post's id and its caption (null is read as an empty caption). */
public record TextItem(long postId, String text) {
}
