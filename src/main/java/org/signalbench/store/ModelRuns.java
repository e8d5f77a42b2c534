package org.signalbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The repository of cross-validation runs with their folds and out-of-fold predictions: the one
 * writer of {@code model_run}, {@code model_run_fold} and {@code model_run_prediction} (V4, owner
 * columns of V5). It stores rows as given; {@code models.RunStore} turns them into the models'
 * records (configuration, metrics, status).
 */
public final class ModelRuns {
    /** A run's header row: lists as comma-separated keys, maps as JSON, times ISO-8601 UTC. */
    public record RunRow(String id, Instant startedAt, Instant finishedAt, String status, long seed, int folds,
                         String foldScheme, String variants, String models, String corpusFingerprint, int dictionarySize,
                         String hyperparametersJson, String libraryVersionsJson, double durationSeconds) {
    }

    /** One fold's figures; {@code auc} NaN when undefined (stored as NULL). */
    public record FoldRow(String variant, String model, int fold, int trainSize, int testSize, int tp, int fp, int tn,
                          int fn, double precision, double recall, double f1, double auc, double trainSeconds,
                          double testSeconds) {
    }

    /** One out-of-fold prediction. */
    public record PredictionRow(long postId, int fold, double score, boolean predicted, boolean dealer) {
    }

    private final Session session;

    public ModelRuns(Session session) {
        this.session = session;
    }

    /** Stores a new run as running, owned by {@code owner}; its start time is now. */
    public void create(RunRow run, ProcessOwner owner) {
        session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO model_run (id, started_at, status, seed, folds, fold_scheme, "
                    + "variants, models, corpus_fingerprint, dictionary_size, hyperparameters, library_versions, "
                    + "owner_pid, owner_host, owner_started) VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, run.id());
                st.setString(2, Instant.now().toString());
                st.setLong(3, run.seed());
                st.setInt(4, run.folds());
                st.setString(5, run.foldScheme());
                st.setString(6, run.variants());
                st.setString(7, run.models());
                st.setString(8, run.corpusFingerprint());
                st.setInt(9, run.dictionarySize());
                st.setString(10, run.hyperparametersJson());
                st.setString(11, run.libraryVersionsJson());
                st.setLong(12, owner.pid());
                st.setString(13, owner.host());
                st.setString(14, owner.startedText());
                return st.executeUpdate();
            }
        });
    }

    /** Sets a run's stored status and adds to its duration; a status other than running also sets its finish time. */
    public void setStatus(String id, String status, double addSeconds) {
        session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE model_run SET status = ?, duration_seconds = duration_seconds + ?, "
                    + "finished_at = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?")) {
                st.setString(1, status);
                st.setDouble(2, addSeconds);
                st.setString(3, status);
                st.setString(4, Instant.now().toString());
                st.setString(5, id);
                return st.executeUpdate();
            }
        });
    }

    /** Records the process working on a run (null: none). */
    public void setOwner(String id, ProcessOwner owner) {
        session.call(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE model_run SET owner_pid = ?, owner_host = ?, owner_started = ? WHERE id = ?")) {
                st.setObject(1, owner == null ? null : owner.pid());
                st.setString(2, owner == null ? null : owner.host());
                st.setString(3, owner == null ? null : owner.startedText());
                st.setString(4, id);
                return st.executeUpdate();
            }
        });
    }

    /** The process that last worked on a run; empty for runs stored before owners were recorded. */
    public Optional<ProcessOwner> owner(String id) {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT owner_pid, owner_host, owner_started FROM model_run WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next() || rs.getString(2) == null) {
                        return Optional.empty();
                    }
                    return Optional.of(new ProcessOwner(rs.getLong(1), rs.getString(2), instant(rs.getString(3))));
                }
            }
        });
    }

    /** Stores a finished fold and its predictions in one transaction: a fold is stored whole or not at all. */
    public void saveFold(String runId, FoldRow r, List<PredictionRow> predictions) {
        session.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO model_run_fold (run_id, variant, model, fold, train_size, "
                    + "test_size, tp, fp, tn, fn, precision, recall, f1, auc, train_seconds, test_seconds, finished_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, runId);
                st.setString(2, r.variant());
                st.setString(3, r.model());
                st.setInt(4, r.fold());
                st.setInt(5, r.trainSize());
                st.setInt(6, r.testSize());
                st.setInt(7, r.tp());
                st.setInt(8, r.fp());
                st.setInt(9, r.tn());
                st.setInt(10, r.fn());
                st.setDouble(11, r.precision());
                st.setDouble(12, r.recall());
                st.setDouble(13, r.f1());
                if (Double.isNaN(r.auc())) {
                    st.setNull(14, Types.REAL);
                } else {
                    st.setDouble(14, r.auc());
                }
                st.setDouble(15, r.trainSeconds());
                st.setDouble(16, r.testSeconds());
                st.setString(17, Instant.now().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO model_run_prediction (run_id, variant, model, fold, post_id, "
                    + "score, predicted, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PredictionRow p : predictions) {
                    st.setString(1, runId);
                    st.setString(2, r.variant());
                    st.setString(3, r.model());
                    st.setInt(4, r.fold());
                    st.setLong(5, p.postId());
                    st.setDouble(6, p.score());
                    st.setInt(7, p.predicted() ? 1 : 0);
                    st.setInt(8, p.dealer() ? 1 : 0);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** A run's header row, if stored. */
    public Optional<RunRow> run(String id) {
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, started_at, finished_at, status, seed, folds, fold_scheme, "
                    + "variants, models, corpus_fingerprint, dictionary_size, hyperparameters, library_versions, duration_seconds "
                    + "FROM model_run WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RunRow(rs.getString(1), instant(rs.getString(2)), instant(rs.getString(3)),
                            rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13), rs.getDouble(14)));
                }
            }
        });
    }

    /** Every stored run's id, newest first. */
    public List<String> runIds() {
        return session.call(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM model_run ORDER BY started_at DESC, rowid DESC");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Keys "variant/model/fold" of the folds already stored for a run. */
    public Set<String> finishedFolds(String runId) {
        return session.call(c -> {
            Set<String> done = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT variant, model, fold FROM model_run_fold WHERE run_id = ?")) {
                st.setString(1, runId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        done.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3));
                    }
                }
            }
            return done;
        });
    }

    /** The stored folds of one variant and model, in fold order. */
    public List<FoldRow> folds(String runId, String variant, String model) {
        return rowsOf("SELECT fold, train_size, test_size, tp, fp, tn, fn, auc, train_seconds, test_seconds, "
                + "precision, recall, f1 FROM model_run_fold WHERE run_id = ? AND variant = ? AND model = ? ORDER BY fold",
                runId, variant, model, rs -> {
                    double auc = rs.getDouble(8);
                    if (rs.wasNull()) {
                        auc = Double.NaN;
                    }
                    return new FoldRow(variant, model, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13), auc,
                            rs.getDouble(9), rs.getDouble(10));
                });
    }

    /** The pooled out-of-fold predictions of one variant and model, in post-id order. */
    public List<PredictionRow> predictions(String runId, String variant, String model) {
        return rowsOf("SELECT post_id, fold, score, predicted, label FROM model_run_prediction "
                + "WHERE run_id = ? AND variant = ? AND model = ? ORDER BY post_id", runId, variant, model,
                rs -> new PredictionRow(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4) == 1, rs.getInt(5) == 1));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Reads one row of a result. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of a query over one run, variant and model (its three parameters, in that order). */
    private <T> List<T> rowsOf(String sql, String runId, String variant, String model, RowReader<T> reader) {
        return session.call(c -> {
            List<T> list = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, runId);
                st.setString(2, variant);
                st.setString(3, model);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        list.add(reader.read(rs));
                    }
                }
            }
            return list;
        });
    }
}
