-- Final models (issue 4): a model trained on all labelled texts of one variant, saved to a file,
-- that scores the posts still to be labelled (post_score.model = final_model.id).

CREATE TABLE final_model (
    id                  TEXT    PRIMARY KEY,            -- e.g. svm-with-hashtags-20261123-131600
    model               TEXT    NOT NULL,               -- dt, rf, svm, libsvm, lstm
    variant             TEXT    NOT NULL,               -- with-hashtags, hashtags-only, no-hashtags
    hyperparameters     TEXT    NOT NULL,               -- JSON: name -> value (the LSTM's preset among them)
    file                TEXT    NOT NULL,               -- the saved model (absolute path)
    corpus_fingerprint  TEXT    NOT NULL,               -- LabeledCorpus.fingerprint of the variant
    training_posts      INTEGER NOT NULL,
    dealer_posts        INTEGER NOT NULL,
    threshold           REAL    NOT NULL,               -- dealer when score > threshold: 0.5 LSTM, 0 baselines
    seed                INTEGER NOT NULL,
    library_versions    TEXT    NOT NULL,               -- JSON: library -> version
    trained_at          TEXT    NOT NULL,
    seconds             REAL    NOT NULL                -- training time
);

-- Who works on a run: a run still 'running' whose process is gone was interrupted (shown as stale,
-- and resumable). NULL for runs stored before version 5.
ALTER TABLE model_run ADD COLUMN owner_pid INTEGER;
ALTER TABLE model_run ADD COLUMN owner_host TEXT;
ALTER TABLE model_run ADD COLUMN owner_started TEXT;    -- the process's start time, so a reused pid is not taken for it
