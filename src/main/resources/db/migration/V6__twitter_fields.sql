-- Twitter fields (docs/formats/twitter.md): what a tweet carries beyond a post, and its account.

-- One row per tweet post.
CREATE TABLE tweet (
    post_id        INTEGER PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    lang           TEXT,                        -- Twitter's language code ('en', 'und'), NULL when not given
    text_available INTEGER NOT NULL DEFAULT 1 CHECK (text_available IN (0, 1)),  -- 0: known by id only
    retweet_of     TEXT,                        -- tweet ids (external ids), NULL when not a retweet/quote/reply
    quote_of       TEXT,
    reply_to       TEXT,
    account_id     TEXT                         -- twitter_account.account_id
);
CREATE INDEX tweet_retweet_of ON tweet (retweet_of);
CREATE INDEX tweet_account ON tweet (account_id);

-- A tweet's links as Twitter expanded them; unwound_url and http_status come from API v2.
CREATE TABLE tweet_url (
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    expanded_url TEXT,
    unwound_url  TEXT,
    http_status  INTEGER,
    PRIMARY KEY (post_id, position)
) WITHOUT ROWID;

-- An account as its latest imported tweet showed it (figures change over time; seen_at says when).
CREATE TABLE twitter_account (
    account_id   TEXT    PRIMARY KEY,
    handle       TEXT,
    created_at   TEXT,
    tweet_count  INTEGER,
    followers    INTEGER,
    seen_at      TEXT                           -- posted_at of the tweet the figures come from
);
