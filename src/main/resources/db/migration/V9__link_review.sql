-- Link review (docs/link-review.md): candidates from a retrieval, the evidence per link, and reports to agencies.

-- One funnel run over a retrieval: where the tweets came from and how many there were.
CREATE TABLE link_review (
    id           INTEGER PRIMARY KEY,
    source       TEXT    NOT NULL,              -- 'retrieval:<run>' or 'ids:<file>'
    retrieved    INTEGER NOT NULL,
    created_at   TEXT    NOT NULL
);

-- A candidate: one tweet standing for itself, its retweets and identical copies.
CREATE TABLE link_candidate (
    review_id    INTEGER NOT NULL REFERENCES link_review (id) ON DELETE CASCADE,
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,   -- the representative (earliest) tweet
    url          TEXT,                          -- its first expanded link, NULL for contact details only
    domain       TEXT,                          -- registrable domain of url
    account      TEXT,                          -- the author's handle
    contacts     TEXT    NOT NULL DEFAULT '',   -- contact channels found, comma-joined
    PRIMARY KEY (review_id, post_id)
) WITHOUT ROWID;

-- The copies a candidate stands for (the candidate's own tweet is not listed).
CREATE TABLE link_candidate_copy (
    review_id    INTEGER NOT NULL,
    candidate_id INTEGER NOT NULL,              -- link_candidate.post_id
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('retweet', 'identical-copy')),
    PRIMARY KEY (review_id, post_id),
    FOREIGN KEY (review_id, candidate_id) REFERENCES link_candidate (review_id, post_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- What is known about one link (by its expanded URL): checked, entered by hand or imported.
CREATE TABLE link_evidence (
    url                 TEXT    PRIMARY KEY,    -- the expanded URL as the tweet gave it
    raw_url             TEXT,                   -- the t.co link, when known
    final_url           TEXT,
    redirect_chain      TEXT,                   -- JSON array of {url, status}
    http_status         INTEGER,
    liveness            TEXT    CHECK (liveness IN ('live', 'dead', 'redirected-elsewhere')),
    checked_at          TEXT,
    title               TEXT,
    screenshot_path     TEXT,                   -- relative to the data folder
    screenshot_sha256   TEXT,
    snapshot_path       TEXT,
    snapshot_sha256     TEXT,
    domain              TEXT,
    registrar           TEXT,
    registrant_country  TEXT,
    domain_created      TEXT,
    ip_address          TEXT,
    ip_country          TEXT,
    legitscript         TEXT    NOT NULL DEFAULT 'not-checked'
                        CHECK (legitscript IN ('rogue', 'unapproved', 'unverified', 'legitimate', 'not-listed', 'not-checked')),
    notes               TEXT,
    source              TEXT    NOT NULL,       -- 'check', 'hand', 'import:<file>'
    updated_at          TEXT    NOT NULL
);
CREATE INDEX link_evidence_domain ON link_evidence (domain);

-- A site reported to an agency: when, and the reference the agency gave.
CREATE TABLE site_report (
    id           INTEGER PRIMARY KEY,
    domain       TEXT    NOT NULL,
    agency       TEXT    NOT NULL,
    reported_at  TEXT    NOT NULL,
    reference    TEXT,
    packet_sha256 TEXT,
    UNIQUE (domain, agency, reported_at)
);
