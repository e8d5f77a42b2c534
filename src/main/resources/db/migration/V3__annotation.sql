-- SignalBench schema, version 3: what the annotation workbench reads on every keystroke.

-- A coder's own answers to a post (blind reads, progress, the queue's "unlabeled first").
CREATE INDEX label_coder ON label (coder_id, post_id, question, labeled_at);

-- A model's score for a post, for ordering the coding queue once models exist. Empty until then.
CREATE TABLE post_score (
    post_id      INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    score        REAL    NOT NULL,
    PRIMARY KEY (post_id, model)
) WITHOUT ROWID;
CREATE INDEX post_score_model ON post_score (model, score);
