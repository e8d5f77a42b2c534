package org.signalbench.domain;

import java.time.Instant;

/**
 * A Twitter account as one of its tweets showed it: the figures are those at the time of the tweet.
 *
 * @param id         the account's numeric id (required)
 * @param handle     screen name / username, without '@'
 * @param createdAt  when the account was opened, or null
 * @param tweetCount tweets the account had posted (v1.1 {@code statuses_count}, v2 {@code tweet_count}), or null
 * @param followers  followers at the time, or null
 */
public record TwitterAccount(String id, String handle, Instant createdAt, Long tweetCount, Long followers) {
}
