package org.signalbench.domain;

import java.util.List;

/**
 * What a tweet carries beyond the fields every post has (docs/formats/twitter.md).
 *
 * @param lang          the language Twitter detected ({@code en}, {@code und}, …), null when not given
 * @param textAvailable false for a tweet known only by its id (an ID-only dataset not yet hydrated)
 * @param retweetOf     id of the tweet this one retweets, or null
 * @param quoteOf       id of the tweet this one quotes, or null
 * @param replyTo       id of the tweet this one replies to, or null
 * @param urls          the links as Twitter expanded them, in the order of the tweet
 * @param account       the account that posted it, as the tweet showed it at the time; null when unknown
 */
public record TweetFields(String lang, boolean textAvailable, String retweetOf, String quoteOf, String replyTo,
                          List<TweetUrl> urls, TwitterAccount account) {
    public TweetFields {
        urls = List.copyOf(urls == null ? List.of() : urls);
    }

    /** A tweet known only by its id: no text, no account. */
    public static TweetFields idOnly() {
        return new TweetFields(null, false, null, null, null, List.of(), null);
    }
}
