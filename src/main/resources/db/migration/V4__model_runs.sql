-- Cross-validation runs of the model lab (issue 4). A run keeps every finished fold, so a
-- cancelled or crashed run can be resumed from the next fold; its provenance lets it be repeated.

CREATE TABLE model_run (
    id                  TEXT    PRIMARY KEY,            -- a UUID
    started_at          TEXT    NOT NULL,
    finished_at         TEXT,
    status              TEXT    NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
    seed                INTEGER NOT NULL,
    folds               INTEGER NOT NULL,
    fold_scheme         TEXT    NOT NULL,               -- stratified | shuffled
    variants            TEXT    NOT NULL,               -- comma-separated variant keys, in run order
    models              TEXT    NOT NULL,               -- comma-separated model ids, in run order
    corpus_fingerprint  TEXT    NOT NULL,               -- see LabeledCorpus.fingerprint
    dictionary_size     INTEGER NOT NULL,
    hyperparameters     TEXT    NOT NULL,               -- JSON: model id -> name -> value
    library_versions    TEXT    NOT NULL,               -- JSON: library -> version
    duration_seconds    REAL    NOT NULL DEFAULT 0      -- summed over the sessions that worked on it
);

CREATE TABLE model_run_fold (
    run_id          TEXT    NOT NULL REFERENCES model_run (id) ON DELETE CASCADE,
    variant         TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    fold            INTEGER NOT NULL,                   -- 0-based
    train_size      INTEGER NOT NULL,
    test_size       INTEGER NOT NULL,
    tp              INTEGER NOT NULL,
    fp              INTEGER NOT NULL,
    tn              INTEGER NOT NULL,
    fn              INTEGER NOT NULL,
    precision       REAL    NOT NULL,
    recall          REAL    NOT NULL,
    f1              REAL    NOT NULL,
    auc             REAL,                               -- NULL when the test fold holds one class only
    train_seconds   REAL    NOT NULL,
    test_seconds    REAL    NOT NULL,
    finished_at     TEXT    NOT NULL,
    PRIMARY KEY (run_id, variant, model, fold)
) WITHOUT ROWID;

-- Out-of-fold predictions: every labelled text of a variant appears once per model.
CREATE TABLE model_run_prediction (
    run_id          TEXT    NOT NULL,
    variant         TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    fold            INTEGER NOT NULL,
    post_id         INTEGER NOT NULL,
    score           REAL    NOT NULL,
    predicted       INTEGER NOT NULL CHECK (predicted IN (0, 1)),
    label           INTEGER NOT NULL CHECK (label IN (0, 1)),
    PRIMARY KEY (run_id, variant, model, post_id),
    FOREIGN KEY (run_id, variant, model, fold) REFERENCES model_run_fold (run_id, variant, model, fold) ON DELETE CASCADE
) WITHOUT ROWID;
