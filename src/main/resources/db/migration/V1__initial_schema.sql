-- SignalBench schema, version 1.
-- Times are ISO-8601 UTC text ('2018-07-19T14:03:11Z'), which sorts correctly as text.

CREATE TABLE post (
    id           INTEGER PRIMARY KEY,
    platform     TEXT    NOT NULL CHECK (platform IN ('instagram', 'twitter')),
    external_id  TEXT    NOT NULL,              -- Instagram shortcode, tweet id
    author       TEXT,                          -- handle as shown on the platform
    author_id    TEXT,                          -- platform's numeric id when known
    posted_at    TEXT,
    caption      TEXT    NOT NULL DEFAULT '',
    url          TEXT,
    source_file  TEXT,                          -- file the post was first imported from
    imported_at  TEXT    NOT NULL,
    UNIQUE (platform, external_id)
);
CREATE INDEX post_author ON post (platform, author);
CREATE INDEX post_posted_at ON post (posted_at);

CREATE TABLE post_comment (
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    author       TEXT,
    text         TEXT    NOT NULL,
    commented_at TEXT,
    PRIMARY KEY (post_id, position)
);

CREATE TABLE post_media (
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    path         TEXT    NOT NULL,              -- absolute path, always inside the imported folder
    kind         TEXT    NOT NULL CHECK (kind IN ('image', 'video')),
    PRIMARY KEY (post_id, position),
    UNIQUE (post_id, path)
);

-- The searches (hashtag or keyword) a post was collected under; one post, many searches.
CREATE TABLE post_collection (
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    search       TEXT    NOT NULL,
    PRIMARY KEY (post_id, search)
) WITHOUT ROWID;
CREATE INDEX post_collection_search ON post_collection (search);

CREATE TABLE post_link (
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    url          TEXT    NOT NULL,
    PRIMARY KEY (post_id, url)
) WITHOUT ROWID;

CREATE TABLE coder (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('coder', 'expert')),
    created_at   TEXT    NOT NULL
);

-- Append-only: a changed answer is a new row; the latest row per (coder, post, question) counts.
CREATE TABLE label (
    id               INTEGER PRIMARY KEY,
    coder_id         INTEGER NOT NULL REFERENCES coder (id),
    post_id          INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    question         TEXT    NOT NULL,
    value            TEXT    NOT NULL,
    labeled_at       TEXT    NOT NULL,
    codebook_version TEXT,
    UNIQUE (coder_id, post_id, question, labeled_at, value)
);
CREATE INDEX label_post ON label (post_id, question);

-- Append-only as well: the expert's latest decision per (post, question) is final.
CREATE TABLE adjudication (
    id               INTEGER PRIMARY KEY,
    expert_id        INTEGER NOT NULL REFERENCES coder (id),
    post_id          INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    question         TEXT    NOT NULL,
    value            TEXT    NOT NULL,
    reason           TEXT,
    decided_at       TEXT    NOT NULL,
    codebook_version TEXT,
    UNIQUE (expert_id, post_id, question, decided_at, value)
);
CREATE INDEX adjudication_post ON adjudication (post_id, question);

CREATE VIEW latest_label AS
SELECT l.*
FROM label l
WHERE l.id = (SELECT l2.id FROM label l2
              WHERE l2.coder_id = l.coder_id AND l2.post_id = l.post_id AND l2.question = l.question
              ORDER BY l2.labeled_at DESC, l2.id DESC LIMIT 1);

CREATE VIEW latest_adjudication AS
SELECT a.*
FROM adjudication a
WHERE a.id = (SELECT a2.id FROM adjudication a2
              WHERE a2.post_id = a.post_id AND a2.question = a.question
              ORDER BY a2.decided_at DESC, a2.id DESC LIMIT 1);

-- Every import leaves a record of what it took in and what it refused, and why.
CREATE TABLE import_run (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT,
    sources      TEXT    NOT NULL,
    imported     INTEGER NOT NULL DEFAULT 0,
    duplicates   INTEGER NOT NULL DEFAULT 0,
    labels       INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL DEFAULT 'running'
);

CREATE TABLE import_rejection (
    run_id       INTEGER NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
    file         TEXT    NOT NULL,
    line         INTEGER,
    reason       TEXT    NOT NULL
);
