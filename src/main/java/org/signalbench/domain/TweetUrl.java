package org.signalbench.domain;

/**
 * One link of a tweet: the URL Twitter expanded from its t.co link and, from API v2, where the link
 * finally led ({@code unwound_url}) and the HTTP status Twitter got there; those two are null when
 * the source does not give them.
 */
public record TweetUrl(String expandedUrl, String unwoundUrl, Integer httpStatus) {
}
