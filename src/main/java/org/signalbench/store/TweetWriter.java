package org.signalbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signalbench.domain.PostDraft;
import org.signalbench.domain.TweetFields;
import org.signalbench.domain.TweetUrl;
import org.signalbench.domain.TwitterAccount;

/**
 * Writes the tweet fields of drafts (table {@code tweet}, {@code tweet_url}, {@code twitter_account})
 * in the batches of {@link PostWriter}, and fills in a tweet first imported by id only when its
 * text arrives later.
 */
final class TweetWriter implements AutoCloseable {
    private final PreparedStatement insertTweet;
    private final PreparedStatement insertUrl;
    private final PreparedStatement upsertAccount;
    private final PreparedStatement isIdOnly;
    private final PreparedStatement fillPost;
    private final PreparedStatement deleteTweet;
    /** The accounts of the chunk being written, by id, with the time of their latest tweet in it. */
    private final Map<String, Seen> accounts = new HashMap<>();

    /** An account as a tweet posted at {@code at} showed it. */
    private record Seen(TwitterAccount account, String at) {
    }

    TweetWriter(Connection connection) throws SQLException {
        insertTweet = connection.prepareStatement("INSERT INTO tweet (post_id, lang, text_available, retweet_of, "
                + "quote_of, reply_to, account_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertUrl = connection.prepareStatement("INSERT INTO tweet_url (post_id, position, expanded_url, unwound_url, "
                + "http_status) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        // The figures of the latest tweet win, whatever order the files come in.
        upsertAccount = connection.prepareStatement("INSERT INTO twitter_account (account_id, handle, created_at, "
                + "tweet_count, followers, seen_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET "
                + "handle = COALESCE(excluded.handle, handle), created_at = COALESCE(excluded.created_at, created_at), "
                + "tweet_count = COALESCE(excluded.tweet_count, tweet_count), "
                + "followers = COALESCE(excluded.followers, followers), seen_at = excluded.seen_at "
                + "WHERE seen_at IS NULL OR excluded.seen_at >= seen_at");
        isIdOnly = connection.prepareStatement("SELECT 1 FROM tweet WHERE post_id = ? AND text_available = 0");
        fillPost = connection.prepareStatement("UPDATE post SET author = ?, author_id = ?, posted_at = ?, caption = ?, "
                + "url = ? WHERE id = ?");
        deleteTweet = connection.prepareStatement("DELETE FROM tweet WHERE post_id = ?");
    }

    /** Adds the rows of a new post's tweet fields to the batch (nothing for a draft without them). */
    void add(long postId, PostDraft draft) throws SQLException {
        TweetFields tweet = draft.tweet();
        if (tweet == null) {
            return;
        }
        TwitterAccount account = tweet.account();
        insertTweet.setLong(1, postId);
        setNullable(insertTweet, 2, tweet.lang());
        insertTweet.setInt(3, tweet.textAvailable() ? 1 : 0);
        setNullable(insertTweet, 4, tweet.retweetOf());
        setNullable(insertTweet, 5, tweet.quoteOf());
        setNullable(insertTweet, 6, tweet.replyTo());
        setNullable(insertTweet, 7, account == null ? null : account.id());
        insertTweet.addBatch();
        List<TweetUrl> urls = tweet.urls();
        for (int i = 0; i < urls.size(); i++) {
            TweetUrl url = urls.get(i);
            insertUrl.setLong(1, postId);
            insertUrl.setInt(2, i);
            setNullable(insertUrl, 3, url.expandedUrl());
            setNullable(insertUrl, 4, url.unwoundUrl());
            if (url.httpStatus() == null) {
                insertUrl.setNull(5, Types.INTEGER);
            } else {
                insertUrl.setInt(5, url.httpStatus());
            }
            insertUrl.addBatch();
        }
        if (account != null) {
            // One upsert per account and chunk: the latest tweet's figures (an account tweets many times).
            String seenAt = draft.postedAt() == null ? null : draft.postedAt().toString();
            Seen known = accounts.get(account.id());
            if (known == null || known.at() == null || seenAt != null && seenAt.compareTo(known.at()) >= 0) {
                accounts.put(account.id(), new Seen(account, seenAt));
            }
        }
    }

    private void addAccounts() throws SQLException {
        for (Seen seen : accounts.values()) {
            TwitterAccount account = seen.account();
            upsertAccount.setString(1, account.id());
            setNullable(upsertAccount, 2, account.handle());
            setNullable(upsertAccount, 3, account.createdAt() == null ? null : account.createdAt().toString());
            setNullableLong(upsertAccount, 4, account.tweetCount());
            setNullableLong(upsertAccount, 5, account.followers());
            setNullable(upsertAccount, 6, seen.at());
            upsertAccount.addBatch();
        }
        accounts.clear();
    }

    /**
     * When the stored post is a tweet known by id only and the draft has its text, fills the post in
     * (text, author, time) and drops its id-only tweet row, and returns true; the caller then adds
     * the draft's child rows (tweet fields included) as for a new post.
     */
    boolean fillInIdOnly(long postId, PostDraft draft) throws SQLException {
        if (draft.tweet() == null || !draft.tweet().textAvailable()) {
            return false;
        }
        flush(); // the id-only row may still be in this chunk's batch
        isIdOnly.setLong(1, postId);
        try (ResultSet rs = isIdOnly.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
        }
        setNullable(fillPost, 1, draft.author());
        setNullable(fillPost, 2, draft.authorId());
        setNullable(fillPost, 3, draft.postedAt() == null ? null : draft.postedAt().toString());
        fillPost.setString(4, draft.caption());
        setNullable(fillPost, 5, draft.url());
        fillPost.setLong(6, postId);
        fillPost.executeUpdate();
        deleteTweet.setLong(1, postId);
        deleteTweet.executeUpdate();
        return true;
    }

    void flush() throws SQLException {
        addAccounts();
        insertTweet.executeBatch();
        insertUrl.executeBatch();
        upsertAccount.executeBatch();
    }

    void clear() throws SQLException {
        insertTweet.clearBatch();
        insertUrl.clearBatch();
        upsertAccount.clearBatch();
        accounts.clear();
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(insertTweet, insertUrl, upsertAccount, isIdOnly, fillPost, deleteTweet)) {
            statement.close();
        }
    }
}
