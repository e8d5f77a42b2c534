-- Topic rounds of the Twitter study (issue 10, docs/topics.md): the corpora a funnel of filters
-- leaves, the model runs on them with full provenance, their topics and tags, every tweet's three
-- most likely topics, and comparisons of models. store.TopicStore is the only writer.

-- A corpus of tweets for a round: all Twitter posts of the workbench (no row), or what a filter
-- left of a parent corpus. Each step of the funnel is one row; its kept posts are listed.
CREATE TABLE topic_corpus (
    id            INTEGER PRIMARY KEY,
    parent_id     INTEGER REFERENCES topic_corpus (id),  -- NULL: the filter ran on all Twitter posts
    source_run_id INTEGER REFERENCES topic_run (id),     -- the round whose noise themes it dropped, if any
    rule          TEXT    NOT NULL,                      -- JSON: {"kind":"keyword"|"noise-topics", ...}
    created_at    TEXT    NOT NULL,
    posts_before  INTEGER NOT NULL,
    posts         INTEGER NOT NULL                       -- posts kept
);

CREATE TABLE topic_corpus_post (
    corpus_id INTEGER NOT NULL REFERENCES topic_corpus (id) ON DELETE CASCADE,
    post_id   INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    PRIMARY KEY (corpus_id, post_id)
) WITHOUT ROWID;

-- One round: a model fitted on a corpus, with everything needed to repeat it.
CREATE TABLE topic_run (
    id               INTEGER PRIMARY KEY,
    corpus_id        INTEGER REFERENCES topic_corpus (id),  -- NULL: all Twitter posts
    model            TEXT    NOT NULL,
    k                INTEGER NOT NULL,
    iterations       INTEGER NOT NULL,                      -- as asked (0: the model's default)
    seed             INTEGER NOT NULL,
    threads          INTEGER NOT NULL,
    corpus_hash      TEXT    NOT NULL,                      -- TopicCorpus.hash of the documents fitted
    posts            INTEGER NOT NULL,                      -- posts in the corpus
    documents        INTEGER NOT NULL,                      -- posts with at least one token after preprocessing
    vocabulary       INTEGER NOT NULL,
    tokens           INTEGER NOT NULL,
    hyperparameters  TEXT    NOT NULL,                      -- JSON: every hyperparameter in effect
    library_versions TEXT    NOT NULL,                      -- JSON: library -> version, settings hashes
    seconds          REAL    NOT NULL,
    started_at       TEXT    NOT NULL,
    finished_at      TEXT    NOT NULL
);

CREATE TABLE topic (
    run_id  INTEGER NOT NULL REFERENCES topic_run (id) ON DELETE CASCADE,
    topic   INTEGER NOT NULL,                                -- 0..K-1
    size    INTEGER NOT NULL,                                -- documents whose first topic it is
    words   TEXT    NOT NULL,                                -- JSON: [{"word","p"}], most probable first
    name    TEXT,
    PRIMARY KEY (run_id, topic)
) WITHOUT ROWID;

-- Each coder's tag of a theme; two coders tag independently.
CREATE TABLE topic_tag (
    run_id    INTEGER NOT NULL,
    topic     INTEGER NOT NULL,
    coder     TEXT    NOT NULL,
    tag       TEXT    NOT NULL CHECK (tag IN ('signal', 'noise', 'neutral')),
    tagged_at TEXT    NOT NULL,
    PRIMARY KEY (run_id, topic, coder),
    FOREIGN KEY (run_id, topic) REFERENCES topic (run_id, topic) ON DELETE CASCADE
) WITHOUT ROWID;

-- The expert's decision, which settles the coders' tags.
CREATE TABLE topic_tag_decision (
    run_id     INTEGER NOT NULL,
    topic      INTEGER NOT NULL,
    expert     TEXT    NOT NULL,
    tag        TEXT    NOT NULL CHECK (tag IN ('signal', 'noise', 'neutral')),
    decided_at TEXT    NOT NULL,
    PRIMARY KEY (run_id, topic),
    FOREIGN KEY (run_id, topic) REFERENCES topic (run_id, topic) ON DELETE CASCADE
) WITHOUT ROWID;

-- Every document's three most likely topics (fewer for models that give fewer).
CREATE TABLE topic_document (
    run_id  INTEGER NOT NULL REFERENCES topic_run (id) ON DELETE CASCADE,
    post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    topic1  INTEGER NOT NULL,
    p1      REAL    NOT NULL,
    topic2  INTEGER,
    p2      REAL,
    topic3  INTEGER,
    p3      REAL,
    PRIMARY KEY (run_id, post_id)
) WITHOUT ROWID;
CREATE INDEX topic_document_first ON topic_document (run_id, topic1);
CREATE INDEX topic_document_second ON topic_document (run_id, topic2);

-- A comparison of models x K x seeds on one corpus, and its rows (TopicComparison.Row).
CREATE TABLE topic_comparison (
    id          INTEGER PRIMARY KEY,
    corpus_id   INTEGER REFERENCES topic_corpus (id),
    corpus_hash TEXT    NOT NULL,
    classes     TEXT    NOT NULL,              -- where the theme classes came from (file, or the coded themes)
    settings    TEXT    NOT NULL,              -- JSON: models, ks, seeds, iterations, threads
    started_at  TEXT    NOT NULL,
    finished_at TEXT    NOT NULL
);

CREATE TABLE topic_comparison_row (
    comparison_id INTEGER NOT NULL REFERENCES topic_comparison (id) ON DELETE CASCADE,
    model         TEXT    NOT NULL,
    k             INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    purity        REAL,
    purity_macro  REAL,
    nmi           REAL,
    npmi          REAL,
    umass         REAL,
    diversity     REAL,
    perplexity    REAL,
    seconds       REAL    NOT NULL,
    PRIMARY KEY (comparison_id, model, k, seed)
) WITHOUT ROWID;

-- Coders' theme classes of tweets (external_id,class files such as the sample's coder-themes.csv):
-- what purity and NMI compare topics with.
CREATE TABLE tweet_theme_class (
    post_id INTEGER PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    class   TEXT    NOT NULL,
    source  TEXT    NOT NULL                   -- the file it came from
);
